package io.dceff.pue;

import java.math.BigDecimal;

public record AnnualPue(
        int year, BigDecimal facilityKwh, BigDecimal itKwh, BigDecimal pue, int months, Indicators indicators) {}
