package io.dceff.support;

import io.dceff.dashboard.DevTokens;
import io.smallrye.jwt.build.Jwt;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Set;

/** Tokens signed with the development key in fixtures/, as fixtures/dev-token.sh makes them. */
public final class TestTokens {

    private static final PrivateKey KEY = load();

    private TestTokens() {}

    public static String operator(String org) {
        return token("operator", org);
    }

    public static String carrier(String org) {
        return token("carrier", org);
    }

    public static String regulator() {
        return token("regulator", null);
    }

    public static String admin() {
        return token("admin", null);
    }

    public static String token(String role, String org) {
        var builder = Jwt.issuer("dceff-dev")
                .subject(role + (org == null ? "" : "@" + org))
                .groups(Set.of(role))
                .expiresIn(3600);
        if (org != null) {
            builder.claim("org", org);
        }
        return builder.sign(KEY);
    }

    public static PrivateKey key() {
        return KEY;
    }

    private static PrivateKey load() {
        return DevTokens.privateKey(Path.of("fixtures/dev-keys/private.pem"));
    }
}
