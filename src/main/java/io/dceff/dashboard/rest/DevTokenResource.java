package io.dceff.dashboard.rest;

import io.dceff.dashboard.DevTokens;
import io.dceff.platform.DceffConfig;
import io.dceff.platform.paging.PageRequest;
import io.dceff.platform.problem.ProblemException;
import io.dceff.registry.service.OrganizationService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Paths;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dashboard's sign-in helper on the embedded default: a token signed with the development key, the same
 * as fixtures/dev-token.sh prints, for callers on this machine only (403 to others, even when the user opens
 * the service to the network). Anywhere else (an external database, i.e. production) it does not exist.
 * Left out of the OpenAPI document: a development aid beside the API, not part of its contract.
 */
@Path("/dev/token")
@PermitAll
public class DevTokenResource {

    /** Eight hours, as fixtures/dev-token.sh. */
    private static final long LIFETIME_SECONDS = 8 * 3600;

    public record DevToken(String token, String role, String org, long expiresInSeconds) {}

    /**
     * @param available whether this caller gets development tokens here
     * @param organizations when available, the organizations to sign in as (code, name, kind), by code
     */
    public record Availability(boolean available, List<DevOrganization> organizations) {}

    public record DevOrganization(String code, String name, String kind) {}

    @Inject
    DceffConfig config;

    @Inject
    OrganizationService organizations;

    private volatile DevTokens tokens;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            hidden = true,
            summary = "A development token (embedded default only)",
            description = "role: operator, carrier, regulator or admin; org: the organization of an operator or "
                    + "carrier. Signed with the public development key in fixtures/dev-keys; 404 when the service "
                    + "is not on its embedded default.")
    public DevToken token(
            @QueryParam("role") String role, @QueryParam("org") String org, @Context HttpServerRequest request) {
        if (!config.embedded().active()) {
            throw ProblemException.notFound("Resource", "/dev/token");
        }
        if (!DevTokens.fromThisMachine(request.remoteAddress())) {
            throw ProblemException.forbidden("Development tokens are handed out to callers on the service's own "
                    + "machine only; elsewhere, sign one with fixtures/dev-token.sh");
        }
        if (role == null || !DevTokens.ROLES.contains(role)) {
            throw ProblemException.invalid("role", "must be one of operator, carrier, regulator, admin");
        }
        String organization = org == null || org.isBlank() ? null : org.strip();
        if (organization != null && !organization.matches("[A-Za-z0-9_-]{1,32}")) {
            throw ProblemException.invalid("org", "must be an organization code: letters, digits, - and _, at most 32");
        }
        return new DevToken(tokens().sign(role, organization, LIFETIME_SECONDS), role, organization, LIFETIME_SECONDS);
    }

    @GET
    @Path("available")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            hidden = true,
            summary = "Whether development tokens are handed out here",
            description = "Always 200, so the dashboard can ask without a failed request in the browser's console; "
                    + "when available, with the organizations a development sign-in can act for.")
    public Availability available(@Context HttpServerRequest request) {
        if (!config.embedded().active() || !DevTokens.fromThisMachine(request.remoteAddress())) {
            return new Availability(false, List.of());
        }
        return new Availability(
                true,
                organizations.list(null, PageRequest.of(0, PageRequest.MAX_SIZE)).items().stream()
                        .map(o -> new DevOrganization(o.code, o.name, o.kind.name()))
                        .toList());
    }

    private DevTokens tokens() {
        if (tokens == null) {
            // the private half sits beside the development public key the service verifies with
            tokens = DevTokens.fromPem(
                    Paths.get(config.security().devPublicKey()).resolveSibling("private.pem"));
        }
        return tokens;
    }
}
