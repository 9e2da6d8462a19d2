package io.dceff.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refuses a production start that would be unsafe (API.md, Running): with an external database the
 * development signing key, whose private half is public in fixtures/, is allowed only by a test switch.
 */
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class);

    @Inject
    DceffConfig config;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String publicKeyLocation;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> providerIssuer;

    void check(@Observes StartupEvent event) {
        if (!usesDevelopmentKey()) {
            return;
        }
        if (config.embedded().active()) {
            LOG.info("Embedded default: tokens are verified with the development key "
                    + config.security().devPublicKey() + " (make one with "
                    + config.fixtures().dir().resolve("dev-token.sh") + " ROLE [ORG])");
            return;
        }
        if (providerConfigured()) {
            LOG.info("Tokens are verified by the identity provider " + providerIssuer.orElseThrow()
                    + "; tokens of the development key are refused");
            return;
        }
        if (!config.security().allowDevKey()) {
            throw new IllegalStateException("Refusing to start: an external database is configured (production) but "
                    + "tokens would be verified with the development key " + publicKeyLocation + ". Set "
                    + "DCEFF_OIDC_ISSUER to your identity provider, or MP_JWT_VERIFY_PUBLICKEY_LOCATION to your key "
                    + "or JWKS URL, or, for a test only, "
                    + "DCEFF_SECURITY_ALLOW_DEV_KEY=true.");
        }
        LOG.warn("**********************************************************************************");
        LOG.warn("* DEVELOPMENT KEY IN USE WITH AN EXTERNAL DATABASE: anyone can mint tokens.       *");
        LOG.warn("* Allowed only because DCEFF_SECURITY_ALLOW_DEV_KEY=true. Never in production.     *");
        LOG.warn("**********************************************************************************");
    }

    private boolean providerConfigured() {
        return providerIssuer.filter(issuer -> !issuer.isBlank()).isPresent();
    }

    /** Whether tokens signed with the development key may be accepted: on the embedded default, or when allowed. */
    public boolean developmentKeyAccepted() {
        return !usesDevelopmentKey()
                || config.embedded().active()
                || config.security().allowDevKey();
    }

    private boolean usesDevelopmentKey() {
        String location = publicKeyLocation.replaceFirst("^file:", "");
        return Path.of(location)
                .toAbsolutePath()
                .normalize()
                .equals(Path.of(config.security().devPublicKey())
                        .toAbsolutePath()
                        .normalize());
    }
}
