package io.dceff.dashboard.rest;

import io.dceff.platform.DceffConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the pages need to sign a user in with the identity provider (authorization code with PKCE, in the
 * browser, by oidc-client-ts): its issuer and the public client registered for the pages. Public
 * information, as the provider's own discovery document. Left out of the OpenAPI document.
 */
@Path("/sign-in/config")
@PermitAll
public class SignInResource {

    /** @param issuer null when no identity provider is configured (the embedded default) */
    public record SignInConfig(String issuer, String clientId, String scope) {}

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> issuer;

    @Inject
    DceffConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public SignInConfig config() {
        return new SignInConfig(
                issuer.filter(s -> !s.isBlank()).orElse(null),
                config.oidc().clientId(),
                config.oidc().scope());
    }
}
