package io.dceff.platform.embedded;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * What the embedded default says once it listens: where the dashboard, the API documentation and a token
 * are, and, when the user opened it to other machines, that anyone there can sign their own tokens.
 *
 * @param host the HTTP host it listens on (quarkus.http.host)
 * @param fixtures the sample-data folder, which holds the token script (dceff.fixtures.dir: relative to the
 *     working directory, or absolute when the service was started from another folder)
 */
public record ReadyLine(String host, int port, String fixtures) {

    /** @return true when only this machine can reach the service */
    public boolean loopbackOnly() {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public String line() {
        String base = "http://" + (loopbackOnly() || isWildcard() ? "localhost" : bracketed()) + ":" + port;
        return "dceff is ready: " + base + "/ (dashboard) · API docs " + base + "/q/swagger-ui" + " · a token: "
                + Path.of(fixtures).resolve("dev-token.sh") + " regulator";
    }

    public String openWarning() {
        return "The embedded default listens on " + host + " (QUARKUS_HTTP_HOST): other machines can reach it, and "
                + "the development key in " + Path.of(fixtures).resolve("dev-keys")
                + " is public, so anyone who can reach it can sign a token "
                + "for any role. /dev/token still answers this machine only.";
    }

    private boolean isWildcard() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private String bracketed() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
