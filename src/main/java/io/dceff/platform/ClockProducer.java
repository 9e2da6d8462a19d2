package io.dceff.platform;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** "Today" comes from one injectable clock in the plan's time zone, so every as-of calculation is reproducible. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "dceff.time-zone", defaultValue = "Asia/Shanghai") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
