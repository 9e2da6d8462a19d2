package io.dceff.pue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The PUE trend of one data center (DESIGN.md, Energy reports and PUE): monthly series, energy-weighted
 * annual and trailing-12-month PUE, year-on-year change, Theil–Sen slope, missing months and the
 * GB 40879-2021 grade; REF, ERF, WUE and CUE per ISO/IEC 30134 for the same spans.
 */
public final class PueTrendCalculator {

    private static final BigDecimal LITRES_PER_M3 = BigDecimal.valueOf(1000);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

    private final GradeThresholds thresholds;
    private final BigDecimal gridFactor;

    /** @param gridFactorKgCo2PerKwh grid emission factor for CUE */
    public PueTrendCalculator(GradeThresholds thresholds, BigDecimal gridFactorKgCo2PerKwh) {
        this.thresholds = thresholds;
        this.gridFactor = gridFactorKgCo2PerKwh;
    }

    /**
     * @param months the latest revision of each reported month, any order; months before {@code from} are
     *               used for the year-earlier trailing window of the year-on-year change
     */
    public PueTrend trend(List<MonthlyEnergy> months, YearMonth from, YearMonth to, int racks) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        if (ChronoUnit.MONTHS.between(from, to) >= 600) {
            throw new IllegalArgumentException("a trend covers at most 600 months");
        }
        TreeMap<YearMonth, MonthlyEnergy> byMonth = new TreeMap<>();
        months.forEach(m -> byMonth.put(m.period(), m));

        List<MonthlyPue> monthly = new ArrayList<>();
        List<YearMonth> missing = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            MonthlyEnergy e = byMonth.get(m);
            if (e == null) {
                missing.add(m);
            } else {
                monthly.add(new MonthlyPue(m, e.facilityKwh(), e.itKwh(), Pue.of(e.facilityKwh(), e.itKwh())));
            }
        }

        List<AnnualPue> annual = new ArrayList<>();
        Map<Integer, List<MonthlyEnergy>> byYear = new TreeMap<>();
        byMonth.subMap(from, true, to, true)
                .values()
                .forEach(m -> byYear.computeIfAbsent(m.period().getYear(), y -> new ArrayList<>())
                        .add(m));
        byYear.forEach((year, list) -> {
            SpanPue span = span(list);
            annual.add(
                    new AnnualPue(year, span.facilityKwh(), span.itKwh(), span.pue(), span.months(), indicators(list)));
        });

        TrailingPue trailing = trailing(byMonth, to);
        TrailingPue yearBefore = trailing(byMonth, to.minusMonths(12));
        BigDecimal yoy = trailing.pue() == null || yearBefore.pue() == null
                ? null
                : trailing.pue().subtract(yearBefore.pue(), MathContext.DECIMAL128);
        return new PueTrend(
                from,
                to,
                monthly,
                annual,
                trailing,
                yoy,
                theilSenSlopePerYear(monthly),
                missing,
                thresholds.grade(trailing.pue(), racks));
    }

    /** Energy-weighted PUE over the given months: Σ facility ÷ Σ IT, never a mean of monthly PUEs. */
    public static SpanPue span(Collection<MonthlyEnergy> months) {
        BigDecimal facility = BigDecimal.ZERO;
        BigDecimal it = BigDecimal.ZERO;
        for (MonthlyEnergy m : months) {
            facility = facility.add(m.facilityKwh());
            it = it.add(m.itKwh());
        }
        return new SpanPue(facility, it, months.isEmpty() ? null : Pue.of(facility, it), months.size());
    }

    private TrailingPue trailing(TreeMap<YearMonth, MonthlyEnergy> byMonth, YearMonth end) {
        YearMonth start = end.minusMonths(11);
        List<MonthlyEnergy> window =
                new ArrayList<>(byMonth.subMap(start, true, end, true).values());
        SpanPue span = span(window);
        return new TrailingPue(
                start, end, span.facilityKwh(), span.itKwh(), span.pue(), span.months(), indicators(window));
    }

    Indicators indicators(List<MonthlyEnergy> months) {
        Ratio ref = ratio(months, MonthlyEnergy::renewableKwh, MonthlyEnergy::facilityKwh, BigDecimal.ONE);
        Ratio erf = ratio(months, MonthlyEnergy::reusedKwh, MonthlyEnergy::facilityKwh, BigDecimal.ONE);
        Ratio wue = ratio(months, MonthlyEnergy::waterM3, MonthlyEnergy::itKwh, LITRES_PER_M3);
        SpanPue span = span(months);
        BigDecimal cue = span.pue() == null || gridFactor == null
                ? null
                : span.facilityKwh().multiply(gridFactor).divide(span.itKwh(), MathContext.DECIMAL128);
        return new Indicators(ref.value, ref.months, erf.value, erf.months, wue.value, wue.months, cue);
    }

    private record Ratio(BigDecimal value, int months) {}

    /** Σ numerator × scale ÷ Σ denominator over the months that carry the numerator. */
    private static Ratio ratio(
            List<MonthlyEnergy> months,
            Function<MonthlyEnergy, BigDecimal> numerator,
            Function<MonthlyEnergy, BigDecimal> denominator,
            BigDecimal scale) {
        BigDecimal top = BigDecimal.ZERO;
        BigDecimal bottom = BigDecimal.ZERO;
        int count = 0;
        for (MonthlyEnergy m : months) {
            BigDecimal n = numerator.apply(m);
            if (n != null) {
                top = top.add(n);
                bottom = bottom.add(denominator.apply(m));
                count++;
            }
        }
        if (count == 0 || bottom.signum() == 0) {
            return new Ratio(null, count);
        }
        return new Ratio(top.multiply(scale).divide(bottom, MathContext.DECIMAL128), count);
    }

    /**
     * Theil–Sen estimator: the median of the slopes between every pair of monthly PUEs (x in months), times
     * 12 for PUE change per year. Robust to a few outlier months and indifferent to gaps.
     */
    static BigDecimal theilSenSlopePerYear(List<MonthlyPue> monthly) {
        if (monthly.size() < 2) {
            return null;
        }
        List<BigDecimal> slopes = new ArrayList<>();
        for (int i = 0; i < monthly.size(); i++) {
            for (int j = i + 1; j < monthly.size(); j++) {
                long dx = ChronoUnit.MONTHS.between(
                        monthly.get(i).period(), monthly.get(j).period());
                BigDecimal dy = monthly.get(j).pue().subtract(monthly.get(i).pue());
                slopes.add(dy.divide(BigDecimal.valueOf(dx), MathContext.DECIMAL128));
            }
        }
        slopes.sort(null);
        int n = slopes.size();
        BigDecimal median = n % 2 == 1
                ? slopes.get(n / 2)
                : slopes.get(n / 2 - 1).add(slopes.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL128);
        return median.multiply(MONTHS_PER_YEAR);
    }
}
