package io.dceff.reporting.service;

import io.dceff.platform.DceffConfig;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.security.Actor;
import io.dceff.pue.GradeThresholds;
import io.dceff.pue.MonthlyEnergy;
import io.dceff.pue.PueTrend;
import io.dceff.pue.PueTrendCalculator;
import io.dceff.registry.Site;
import io.dceff.reporting.StoredReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The PUE trend of a data center: reporting loads its latest revisions and hands them to the trend mathematics
 * of {@code pue}, which knows nothing of where the figures come from.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PueService {

    /** Longest span a trend may cover. */
    static final int MAX_MONTHS = 600;

    @Inject
    EnergyReportService reports;

    @Inject
    ReportStore store;

    @Inject
    DceffConfig config;

    @Inject
    Clock clock;

    public record Trend(Site dataCenter, PueTrend trend, GradeThresholds thresholds) {}

    public BigDecimal gridFactor() {
        return config.factors().gridKgCo2PerKwh();
    }

    /** @param to defaults to the last full month; from defaults to 23 months before to (two years) */
    public Trend trend(String code, YearMonth from, YearMonth to, Actor actor) {
        Site dc = reports.requireDataCenter(code, actor);
        YearMonth end = to == null ? YearMonth.now(clock).minusMonths(1) : to;
        YearMonth start = from == null ? end.minusMonths(23) : from;
        if (start.isAfter(end)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        if (start.plusMonths(MAX_MONTHS).isBefore(end)) {
            throw ProblemException.invalid("from", "the span may cover at most " + MAX_MONTHS + " months");
        }
        // the year-on-year change needs the trailing window that ends 12 months before `end`
        YearMonth load = start.isBefore(end.minusMonths(23)) ? start : end.minusMonths(23);
        Map<Long, NavigableMap<YearMonth, StoredReport>> stored = store.current(List.of(dc.id()), load, end);
        List<MonthlyEnergy> months = new ArrayList<>();
        stored.getOrDefault(dc.id(), new TreeMap<>()).values().forEach(r -> months.add(r.energy()));
        GradeThresholds thresholds = new GradeThresholds(
                config.pue().grade1Max(),
                config.pue().grade2Max(),
                config.pue().grade3Max(),
                config.pue().edgeSiteMaxRacks());
        PueTrend trend = new PueTrendCalculator(thresholds, config.factors().gridKgCo2PerKwh())
                .trend(months, start, end, dc.racks());
        return new Trend(dc, trend, thresholds);
    }
}
