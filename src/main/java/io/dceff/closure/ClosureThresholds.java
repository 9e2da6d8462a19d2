package io.dceff.closure;

import java.math.BigDecimal;

/**
 * The closure rule's parameters (沪经信节〔2022〕167号: PUE > 1.7, ≤ 800 racks, ≥ 10 years), the reference PUE
 * assumed for a closed site's load, and the PUE a receiving site must not exceed.
 */
public record ClosureThresholds(
        BigDecimal pueAbove, int maxRacks, int minYears, BigDecimal referencePue, BigDecimal receivingMaxPue) {

    public static ClosureThresholds defaults() {
        return new ClosureThresholds(new BigDecimal("1.7"), 800, 10, new BigDecimal("1.3"), new BigDecimal("1.3"));
    }
}
