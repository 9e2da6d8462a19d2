package io.dceff.dashboard;

import io.smallrye.jwt.build.Jwt;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * Tokens signed with the development private key in fixtures/dev-keys, as fixtures/dev-token.sh makes them
 * (issuer dceff-dev, roles in "groups", organization in "org"). That key is public, so only the embedded
 * default may hand such tokens out.
 */
public final class DevTokens {

    public static final String ISSUER = "dceff-dev";
    public static final Set<String> ROLES = Set.of("operator", "carrier", "regulator", "admin");

    private final PrivateKey key;

    private DevTokens(PrivateKey key) {
        this.key = key;
    }

    /**
     * Whether a caller may be handed a development token: only from this machine, because anyone holding one
     * acts with its role. The TCP peer's address, not a header a client could forge.
     *
     * @param peer the connection's remote address; null (e.g. a Unix socket) is not this machine
     */
    public static boolean fromThisMachine(SocketAddress peer) {
        return peer != null && peer.hostAddress() != null && isLoopback(peer.hostAddress());
    }

    /** @param address an IP address literal, as the HTTP server reports its peers */
    static boolean isLoopback(String address) {
        boolean literal = address.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                || address.contains(":") && address.matches("[0-9A-Fa-f.:\\[\\]]+");
        if (!literal) {
            return false; // not an IP literal: never resolved
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** @param privateKeyPem a PKCS#8 PEM file */
    public static DevTokens fromPem(Path privateKeyPem) {
        return new DevTokens(privateKey(privateKeyPem));
    }

    /** Reads a PKCS#8 PEM RSA private key (also the tests' way to the development key). */
    public static PrivateKey privateKey(Path privateKeyPem) {
        try {
            String pem = Files.readString(privateKeyPem)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the development key " + privateKeyPem, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Not a PKCS#8 RSA key: " + privateKeyPem, e);
        }
    }

    /** @param org the organization of an operator or carrier, or null */
    public String sign(String role, String org, long lifetimeSeconds) {
        String subject = "dev-" + role + (org == null ? "" : "@" + org);
        var builder = Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .expiresIn(lifetimeSeconds);
        if (org != null) {
            builder.claim("org", org);
        }
        return builder.sign(key);
    }
}
