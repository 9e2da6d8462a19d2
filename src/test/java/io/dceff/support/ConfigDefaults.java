package io.dceff.support;

import io.dceff.platform.DceffConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The service's configuration defaults as {@link DceffConfig} declares them, for plain unit tests of rules: the
 * tests use the very values the service starts with, written once, instead of copies.
 */
public final class ConfigDefaults {

    private static final SmallRyeConfig CONFIG = new SmallRyeConfigBuilder()
            .withMapping(DceffConfig.Closure.class, "dceff.closure")
            .withMapping(DceffConfig.Factors.class, "dceff.factors")
            .withMapping(DceffConfig.Reports.class, "dceff.reports")
            .build();

    private ConfigDefaults() {}

    public static DceffConfig.Closure closure() {
        return CONFIG.getConfigMapping(DceffConfig.Closure.class, "dceff.closure");
    }

    public static DceffConfig.Factors factors() {
        return CONFIG.getConfigMapping(DceffConfig.Factors.class, "dceff.factors");
    }

    public static DceffConfig.Reports reports() {
        return CONFIG.getConfigMapping(DceffConfig.Reports.class, "dceff.reports");
    }
}
