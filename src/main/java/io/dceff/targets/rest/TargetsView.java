package io.dceff.targets.rest;

import io.dceff.targets.TargetsOfYear;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The targets of a year, with the plan period and how much of it had elapsed at the year's end (or today). */
public record TargetsView(
        int year,

        @Schema(nullable = true, description = "the district asked for")
        String district,

        LocalDate planStart,
        LocalDate planEnd,
        LocalDate measuredAt,
        BigDecimal elapsedShare,
        List<TargetView> items) {

    public static TargetsView of(TargetsOfYear t) {
        return new TargetsView(
                t.year(),
                t.district(),
                t.planStart(),
                t.planEnd(),
                t.measuredAt(),
                t.elapsedShare(),
                t.items().stream().map(TargetView::of).toList());
    }
}
