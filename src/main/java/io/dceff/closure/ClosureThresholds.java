package io.dceff.closure;

import io.dceff.platform.DceffConfig;
import java.math.BigDecimal;

/**
 * The closure rule's parameters (沪经信节〔2022〕167号: PUE > 1.7, ≤ 800 racks, ≥ 10 years), the reference PUE
 * assumed for a closed site's load, and the PUE a receiving site must not exceed.
 */
public record ClosureThresholds(
        BigDecimal pueAbove, int maxRacks, int minYears, BigDecimal referencePue, BigDecimal receivingMaxPue) {

    /** The thresholds as configured: their defaults are written once, in {@link DceffConfig.Closure}. */
    public static ClosureThresholds of(DceffConfig.Closure config) {
        return new ClosureThresholds(
                config.pueAbove(),
                config.maxRacks(),
                config.minYears(),
                config.referencePue(),
                config.receivingMaxPue());
    }
}
