package io.dceff.dashboard.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dceff.platform.DceffConfig;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.problem.ProblemType;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** Outside the embedded default (production) the helper does not exist: 404, and it says so when asked. */
class DevTokenResourceOutsideEmbeddedTest {

    @Test
    void answers404WhenNotOnTheEmbeddedDefault() {
        DevTokenResource resource = new DevTokenResource();
        resource.config = configWithEmbeddedActive(false);
        ProblemException e =
                catchThrowableOfType(ProblemException.class, () -> resource.token("regulator", null, null));
        assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(resource.available(null).available()).isFalse();
        assertThat(resource.available(null).organizations()).isEmpty();
    }

    /** A DceffConfig whose only answer is embedded().active(). */
    private static DceffConfig configWithEmbeddedActive(boolean active) {
        DceffConfig.Embedded embedded = (DceffConfig.Embedded) Proxy.newProxyInstance(
                DceffConfig.class.getClassLoader(),
                new Class<?>[] {DceffConfig.Embedded.class},
                (proxy, method, args) -> method.getName().equals("active") ? active : null);
        return (DceffConfig) Proxy.newProxyInstance(
                DceffConfig.class.getClassLoader(),
                new Class<?>[] {DceffConfig.class},
                (proxy, method, args) -> method.getName().equals("embedded") ? embedded : null);
    }
}
