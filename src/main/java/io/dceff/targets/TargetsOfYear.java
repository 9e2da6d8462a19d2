package io.dceff.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The targets of a year, with the plan period and the share of it elapsed at the measuring date. */
public record TargetsOfYear(
        int year,
        String district,
        LocalDate planStart,
        LocalDate planEnd,
        LocalDate measuredAt,
        BigDecimal elapsedShare,
        List<TargetResult> items) {}
