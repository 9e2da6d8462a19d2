package io.dceff.pue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

public record PueTrend(
        YearMonth from,
        YearMonth to,
        List<MonthlyPue> monthly,
        List<AnnualPue> annual,
        TrailingPue trailing12,
        BigDecimal yoyChange,
        BigDecimal slopePerYear,
        List<YearMonth> missingMonths,
        EnergyGrade grade) {}
