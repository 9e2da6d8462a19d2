package io.dceff.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One target measured at a date: its definition, target, actual (null without a figure), progress and status,
 * and the data centers or counts behind the figure.
 */
public record TargetResult(
        String id,
        String name,
        String definition,
        String unit,
        BigDecimal target,
        BigDecimal actual,
        BigDecimal progress,
        TargetStatus status,
        LocalDate deadline,
        Map<String, Object> basis) {}
