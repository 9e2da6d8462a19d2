package io.dceff.targets.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dceff.targets.TargetStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** One target of a year: its definition, target, actual, progress and status, and the figures behind it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetView(String id, String name, String definition, String unit, BigDecimal target, BigDecimal actual,
        BigDecimal progress, TargetStatus status, LocalDate deadline, Map<String, Object> basis) {
}
