package io.dceff.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When tokens of the development key (its private half is public in fixtures/) may be accepted. */
class StartupChecksTest {

    private static final String DEV_KEY = "fixtures/dev-keys/public.pem";
    private static final String PROVIDER = "https://sso.example.gov.cn/realms/dceff";

    /** An implementation of a configuration interface answering its methods from a map. */
    @SuppressWarnings("unchecked")
    private static <T> T config(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> answers.get(method.getName()));
    }

    private static StartupChecks checks(String key, boolean embedded, boolean allowDevKey, String provider) {
        StartupChecks checks = new StartupChecks();
        checks.publicKeyLocation = key;
        checks.providerIssuer = Optional.ofNullable(provider);
        checks.config = config(
                DceffConfig.class,
                Map.of(
                        "embedded", config(DceffConfig.Embedded.class, Map.of("active", embedded)),
                        "fixtures", config(DceffConfig.Fixtures.class, Map.of("dir", Path.of("fixtures"))),
                        "security",
                                config(
                                        DceffConfig.Security.class,
                                        Map.of("devPublicKey", DEV_KEY, "allowDevKey", allowDevKey))));
        return checks;
    }

    @Test
    void theEmbeddedDefaultAcceptsDevelopmentTokens() {
        StartupChecks checks = checks(DEV_KEY, true, false, null);
        checks.check(null);
        assertThat(checks.developmentKeyAccepted()).isTrue();
    }

    @Test
    void productionWithAProviderStartsAndRefusesDevelopmentTokens() {
        StartupChecks checks = checks("file:" + DEV_KEY, false, false, PROVIDER);
        checks.check(null);
        assertThat(checks.developmentKeyAccepted()).isFalse();
    }

    @Test
    void productionWithNeitherAProviderNorAKeyOfItsOwnRefusesToStart() {
        assertThatThrownBy(() -> checks(DEV_KEY, false, false, "").check(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DCEFF_OIDC_ISSUER");
    }

    @Test
    void productionAcceptsDevelopmentTokensOnlyWhenATestAllowsThem() {
        StartupChecks checks = checks(DEV_KEY, false, true, null);
        checks.check(null);
        assertThat(checks.developmentKeyAccepted()).isTrue();
    }

    @Test
    void aKeyOfTheDeploymentsOwnIsAlwaysUsed() {
        StartupChecks checks = checks("/etc/dceff/jwt/public.pem", false, false, PROVIDER);
        checks.check(null);
        assertThat(checks.developmentKeyAccepted()).isTrue();
    }
}
