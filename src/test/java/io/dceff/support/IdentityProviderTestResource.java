package io.dceff.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider for the tests (mock-oauth2-server, on a free port): discovery, JWKS,
 * signed access tokens and an interactive login page. The service under test trusts it as its identity
 * provider, beside the development key, so one Quarkus start serves every test.
 */
public class IdentityProviderTestResource implements QuarkusTestResourceLifecycleManager {

    /** The issuer id of the provider's realm; its issuer URL is {@code http://localhost:PORT/dceff}. */
    public static final String REALM = "dceff";
    /** The audience of the access tokens meant for dceff. */
    public static final String AUDIENCE = "dceff";

    /**
     * How long a token from the login page lives: the pages renew a token 60 s before it expires (oidc-client-ts's
     * default), here 15 s after sign-in.
     */
    public static final int LOGIN_TOKEN_SECONDS = 75;

    private static MockOAuth2Server server;

    @Override
    public Map<String, String> start() {
        // interactive login; the realm's tokens carry dceff's audience, as a Keycloak audience mapper gives them,
        // and live LOGIN_TOKEN_SECONDS, so a page signed in through the login page renews its token within a test
        server = new MockOAuth2Server(
                OAuth2Config.Companion.fromJson("""
                {"interactiveLogin": true, "tokenCallbacks": [{"issuerId": "%s", "tokenExpiry": %d,
                  "requestMappings": [{"requestParam": "grant_type", "match": "*", "claims": {"aud": ["%s"]}}]}]}
                """.formatted(REALM, LOGIN_TOKEN_SECONDS, AUDIENCE)));
        server.start();
        return Map.of(
                "quarkus.oidc.auth-server-url", issuer(),
                "quarkus.oidc.token.audience", AUDIENCE,
                "dceff.oidc.client-id", AUDIENCE);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    public static String issuer() {
        return server.issuerUrl(REALM).toString();
    }

    public static MockOAuth2Server server() {
        return server;
    }

    /**
     * An access token of the provider.
     *
     * @param issuerId the realm (another one than {@link #REALM} for a token from the wrong issuer)
     * @param claims   extra claims, e.g. {@code groups} and {@code org}
     * @param lifetimeSeconds negative for a token that has already expired
     */
    public static String token(
            String issuerId, String subject, List<String> audience, Map<String, Object> claims, long lifetimeSeconds) {
        return server.issueToken(
                        issuerId,
                        "dceff-test-client",
                        new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", audience, claims, lifetimeSeconds))
                .serialize();
    }

    /** A valid access token for a role (and organization, for operators and carriers). */
    public static String token(String role, String org) {
        Map<String, Object> claims =
                org == null ? Map.of("groups", List.of(role)) : Map.of("groups", List.of(role), "org", org);
        return token(REALM, role + "-user" + (org == null ? "" : "@" + org), List.of(AUDIENCE), claims, 3600);
    }
}
