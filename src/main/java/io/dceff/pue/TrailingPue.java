package io.dceff.pue;

import java.math.BigDecimal;
import java.time.YearMonth;

public record TrailingPue(
        YearMonth start,
        YearMonth end,
        BigDecimal facilityKwh,
        BigDecimal itKwh,
        BigDecimal pue,
        int months,
        Indicators indicators) {}
