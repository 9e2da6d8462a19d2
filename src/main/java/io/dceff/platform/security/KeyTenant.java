package io.dceff.platform.security;

import io.dceff.platform.DceffConfig;
import io.dceff.platform.StartupChecks;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bearer tokens signed with a configured key rather than by the identity provider: the development key
 * of the embedded default (fixtures/dev-keys, issuer {@code dceff-dev}), or a deployment's own PEM key
 * or JWKS URL ({@code mp.jwt.verify.publickey.location}, {@code mp.jwt.verify.issuer}). A token whose
 * issuer is that one is verified with that key; every other token goes to the identity provider, the
 * default OIDC tenant ({@code quarkus.oidc.auth-server-url}), so both kinds are accepted side by side. In
 * production the development key is never used: its tokens go to the provider, which refuses them.
 */
@ApplicationScoped
public class KeyTenant implements TenantConfigResolver {

    static final String TENANT = "key";

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String location;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    DceffConfig config;

    @Inject
    StartupChecks startup;

    private volatile OidcTenantConfig tenant;

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        return Uni.createFrom()
                .item(
                        startup.developmentKeyAccepted()
                                        && issuer.equals(
                                                issuerOf(context.request().getHeader("Authorization")))
                                ? tenant()
                                : null);
    }

    private OidcTenantConfig tenant() {
        OidcTenantConfig built = tenant;
        if (built == null) {
            var builder = OidcTenantConfig.builder().tenantId(TENANT).applicationType(ApplicationType.SERVICE);
            if (location.startsWith("https://") || location.startsWith("http://")) {
                builder.authServerUrl(location).discoveryEnabled(false).jwksPath(location);
            } else {
                builder.publicKey(pem(location));
            }
            built = builder.token()
                    .issuer(issuer)
                    .end()
                    .roles()
                    .roleClaimPath(config.security().rolesClaim())
                    .end()
                    .build();
            tenant = built;
        }
        return built;
    }

    /** The {@code iss} of a bearer JWT, read without verifying it: only to choose who verifies it. */
    static String issuerOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Object iss = new JsonObject(payload).getValue("iss");
            return iss instanceof String s ? s : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private static String pem(String location) {
        try {
            return Files.readString(Path.of(location.replaceFirst("^file:", "")), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token verification key " + location, e);
        }
    }
}
