package io.dceff.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's clock in the tests that start Quarkus: the system clock, unless a test sets a time (and puts the
 * system clock back when it is done), e.g. to cross a month end.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Instant fixed;

    TestClock(@ConfigProperty(name = "dceff.time-zone", defaultValue = "Asia/Shanghai") String zone) {
        this.zone = ZoneId.of(zone);
    }

    /** From now on "now" is this local time in the service's zone. */
    public void set(LocalDateTime local) {
        fixed = local.atZone(zone).toInstant();
    }

    /** Back to the system clock. */
    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        Instant at = fixed;
        return at == null ? Clock.system(other) : Clock.fixed(at, other);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }
}
