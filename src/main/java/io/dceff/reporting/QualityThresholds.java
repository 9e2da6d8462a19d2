package io.dceff.reporting;

import java.math.BigDecimal;

public record QualityThresholds(BigDecimal maxPlausiblePue, BigDecimal maxMonthOnMonthChange, BigDecimal kwPerRack) {

    public static QualityThresholds defaults() {
        return new QualityThresholds(new BigDecimal("3.0"), new BigDecimal("0.30"), new BigDecimal("2.5"));
    }
}
