package io.dceff.reporting.rest;

import static io.dceff.platform.json.Decimals.exact;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dceff.pue.AnnualPue;
import io.dceff.pue.EnergyGrade;
import io.dceff.pue.GradeThresholds;
import io.dceff.pue.Indicators;
import io.dceff.pue.MonthlyPue;
import io.dceff.pue.Pue;
import io.dceff.pue.PueTrend;
import io.dceff.pue.TrailingPue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The PUE trend of one data center (API.md, PUE trend); ratios rounded for display, sums exact. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PueTrendView(
        String dataCenterCode,
        YearMonth from,
        YearMonth to,
        List<Month> monthly,
        List<Year> annual,
        Trailing trailing12,

        @Schema(nullable = true, description = "absent without a trailing PUE a year earlier")
        BigDecimal yoyChange,

        @Schema(nullable = true, description = "absent with fewer than two months")
        BigDecimal slopePerYear,

        String slopeMethod,
        List<YearMonth> missingMonths,
        EnergyGrade grade,
        Grades gradeThresholds,
        BigDecimal gridFactorKgCo2PerKwh) {

    public static final String SLOPE_METHOD = "Theil–Sen: median of the slopes between every pair of monthly PUEs, "
            + "in PUE per year; robust to outlier months and gaps";

    @Schema(name = "MonthlyPue")
    public record Month(YearMonth period, BigDecimal pue, BigDecimal facilityKwh, BigDecimal itKwh) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AnnualPue")
    public record Year(
            int year,
            BigDecimal pue,
            int months,
            BigDecimal facilityKwh,
            BigDecimal itKwh,
            @Schema(nullable = true) BigDecimal ref,
            @Schema(nullable = true) BigDecimal erf,
            @Schema(nullable = true) BigDecimal wue,
            @Schema(nullable = true) BigDecimal cue) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TrailingPue")
    public record Trailing(
            YearMonth start,
            YearMonth end,
            @Schema(nullable = true) BigDecimal pue,
            int months,
            @Schema(nullable = true) BigDecimal facilityKwh,
            @Schema(nullable = true) BigDecimal itKwh,
            @Schema(nullable = true) BigDecimal ref,
            @Schema(nullable = true) BigDecimal erf,
            @Schema(nullable = true) BigDecimal wue,
            @Schema(nullable = true) BigDecimal cue) {}

    @Schema(name = "GradeThresholds")
    public record Grades(
            BigDecimal grade1Max, BigDecimal grade2Max, BigDecimal grade3Max, int edgeSiteMaxRacks, String source) {}

    public static PueTrendView of(String code, PueTrend t, GradeThresholds g, BigDecimal gridFactor) {
        List<Month> monthly = t.monthly().stream().map(PueTrendView::month).toList();
        List<Year> annual = t.annual().stream().map(PueTrendView::year).toList();
        TrailingPue tr = t.trailing12();
        Indicators ti = tr.indicators();
        Trailing trailing = new Trailing(
                tr.start(),
                tr.end(),
                Pue.display(tr.pue()),
                tr.months(),
                exact(tr.facilityKwh()),
                exact(tr.itKwh()),
                ratio(ti == null ? null : ti.ref()),
                ratio(ti == null ? null : ti.erf()),
                ratio(ti == null ? null : ti.wue()),
                ratio(ti == null ? null : ti.cue()));
        return new PueTrendView(
                code,
                t.from(),
                t.to(),
                monthly,
                annual,
                trailing,
                Pue.display(t.yoyChange()),
                t.slopePerYear() == null ? null : t.slopePerYear().setScale(4, RoundingMode.HALF_UP),
                SLOPE_METHOD,
                t.missingMonths(),
                t.grade(),
                new Grades(
                        g.grade1Max(),
                        g.grade2Max(),
                        g.grade3Max(),
                        g.edgeSiteMaxRacks(),
                        "GB 40879-2021, from the trailing-12-month PUE"),
                gridFactor);
    }

    private static Month month(MonthlyPue m) {
        return new Month(m.period(), Pue.display(m.pue()), exact(m.facilityKwh()), exact(m.itKwh()));
    }

    private static Year year(AnnualPue a) {
        Indicators i = a.indicators();
        return new Year(
                a.year(),
                Pue.display(a.pue()),
                a.months(),
                exact(a.facilityKwh()),
                exact(a.itKwh()),
                ratio(i == null ? null : i.ref()),
                ratio(i == null ? null : i.erf()),
                ratio(i == null ? null : i.wue()),
                ratio(i == null ? null : i.cue()));
    }

    private static BigDecimal ratio(BigDecimal value) {
        return value == null ? null : value.setScale(3, RoundingMode.HALF_UP);
    }
}
