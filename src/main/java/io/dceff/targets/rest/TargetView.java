package io.dceff.targets.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dceff.targets.TargetResult;
import io.dceff.targets.TargetStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One target of a year: its definition, target, actual, progress and status, and the figures behind it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetView(
        String id,
        String name,
        String definition,
        String unit,
        BigDecimal target,

        @Schema(nullable = true, description = "absent when there is no figure")
        BigDecimal actual,

        @Schema(nullable = true) BigDecimal progress,

        @Schema(nullable = true, description = "absent when there is no figure")
        TargetStatus status,

        LocalDate deadline,

        @Schema(nullable = true, description = "the data centers or counts behind the figure")
        Map<String, Object> basis) {

    public static TargetView of(TargetResult r) {
        return new TargetView(
                r.id(),
                r.name(),
                r.definition(),
                r.unit(),
                r.target(),
                r.actual(),
                r.progress(),
                r.status(),
                r.deadline(),
                r.basis());
    }
}
