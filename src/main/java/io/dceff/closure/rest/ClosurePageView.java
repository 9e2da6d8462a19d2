package io.dceff.closure.rest;

import io.dceff.closure.ClosureThresholds;
import io.dceff.closure.service.ClosureService.Item;
import io.dceff.closure.service.ClosureService.Run;
import io.dceff.platform.ConversionFactor;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of closure results with what produced them: the date, the window, the thresholds and the
 * conversion factors, so a reader can check every figure.
 */
public record ClosurePageView(
        LocalDate asOf,
        Window window,
        ClosureThresholds thresholds,
        List<ConversionFactor> factors,
        String rule,
        List<ClosureCandidateView> items,
        int page,
        int size,
        long total) {

    public static final String RULE = "沪经信节〔2022〕167号 关停并转: window PUE (Σ facility kWh ÷ Σ IT kWh over the 12 "
            + "calendar months ending with the last month that ends on or before asOf, latest revisions) > pueAbove, "
            + "racks ≤ maxRacks, full years in operation at asOf ≥ minYears. NO_DATA: racks and age met, no report in "
            + "the window. Saving: window IT energy scaled to 12 months × (site PUE − receiving PUE).";

    @Schema(name = "ClosureWindow")
    public record Window(YearMonth first, YearMonth last) {}

    /** A page of a run's items, with what produced them. */
    public static ClosurePageView of(Run run, List<Item> items, int page, int size, long total) {
        return new ClosurePageView(
                run.asOf(),
                new Window(run.window().first(), run.window().last()),
                run.thresholds(),
                run.factors().all(),
                RULE,
                ClosureCandidateView.of(items, run.factors()),
                page,
                size,
                total);
    }

    /** Every one of these items on one page, as an assessment freezes them. */
    public static ClosurePageView whole(Run run, List<Item> items) {
        return of(run, items, 0, items.size(), items.size());
    }
}
