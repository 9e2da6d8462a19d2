package io.dceff.closure.service;

import io.dceff.closure.ClosureEvaluation;
import io.dceff.closure.ClosureRule;
import io.dceff.closure.ClosureStatus;
import io.dceff.closure.ClosureThresholds;
import io.dceff.closure.ClosureWindow;
import io.dceff.closure.ConsolidationOption;
import io.dceff.closure.ConsolidationRanker;
import io.dceff.closure.Decision;
import io.dceff.closure.SiteFacts;
import io.dceff.closure.service.ClosureFacts.Site;
import io.dceff.platform.AsOf;
import io.dceff.platform.ConversionFactors;
import io.dceff.platform.DceffConfig;
import io.dceff.platform.problem.ProblemException;
import io.dceff.pue.Pue;
import io.dceff.registry.DataCenterStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the closure rule over every data center: one query for the facts, the rule in plain Java. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ClosureService {

    @Inject
    ClosureFacts facts;

    @Inject
    DceffConfig config;

    @Inject
    Clock clock;

    /** One evaluated site, with the receiving PUE its saving assumes. */
    public record Item(Site site, ClosureEvaluation evaluation, BigDecimal receivingPue, String receivingSite) {}

    /** A run of the rule at one date: every operating site evaluated, sorted by saving, then code. */
    public record Run(
            LocalDate asOf,
            ClosureWindow window,
            ClosureThresholds thresholds,
            ConversionFactors factors,
            List<Item> items) {

        public List<Item> withStatus(ClosureStatus... statuses) {
            List<ClosureStatus> wanted = List.of(statuses);
            return items.stream()
                    .filter(i -> wanted.contains(i.evaluation().status()))
                    .toList();
        }
    }

    public LocalDate asOfOrToday(LocalDate asOf) {
        return asOf == null ? LocalDate.now(clock) : asOf;
    }

    public ClosureThresholds thresholds() {
        return ClosureThresholds.of(config.closure());
    }

    public ConversionFactors factors() {
        return ConversionFactors.of(config.factors());
    }

    /** A run is kept while nothing it was computed from has changed (see {@link ClosureFacts#version()}). */
    private record CacheKey(LocalDate asOf, String version) {}

    /** At most two runs of the current data: each holds every site (tens of MB at 100,000 sites). */
    private final Map<CacheKey, Run> recent = Collections.synchronizedMap(new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, Run> eldest) {
            return size() > 2;
        }
    });

    /**
     * The rule at a date. A run is reused while the data it was computed from is unchanged: the version is
     * read before the facts, so a run never answers for data older than its key says.
     */
    public Run run(LocalDate asOf) {
        CacheKey key = new CacheKey(asOf, facts.version());
        Run cached = recent.get(key);
        if (cached != null) {
            return cached;
        }
        Run run = evaluate(asOf);
        synchronized (recent) {
            // runs of older data are never asked for again: drop them at once rather than when evicted
            recent.keySet().removeIf(k -> !k.version().equals(key.version()));
            recent.put(key, run);
        }
        return run;
    }

    private Run evaluate(LocalDate asOf) {
        ClosureWindow window = ClosureWindow.endingOnOrBefore(asOf);
        ClosureThresholds thresholds = thresholds();
        ClosureRule rule = new ClosureRule(thresholds);
        List<Site> sites = facts.sites(asOf, window);
        Map<String, Site> byCode = new HashMap<>();
        sites.forEach(s -> byCode.put(s.facts().code(), s));
        // the receiving site of a merge decided by asOf, never of one decided later
        Map<String, String> mergeTargets = Decision.mergeTargets(facts.decisions(), AsOf.of(asOf));
        List<Item> items = new ArrayList<>();
        for (Site site : sites) {
            if (site.statusAtAsOf() != DataCenterStatus.OPERATING) {
                continue;
            }
            String target = mergeTargets.get(site.facts().code());
            Site receiving = target == null ? null : byCode.get(target);
            BigDecimal receivingPue = receiving == null || receiving.facts().monthsOfData() == 0
                    ? thresholds.referencePue()
                    : Pue.of(
                            receiving.facts().windowFacilityKwh(),
                            receiving.facts().windowItKwh());
            ClosureEvaluation evaluation = rule.evaluate(site.facts(), asOf);
            if (evaluation.status() == ClosureStatus.CANDIDATE) {
                evaluation = evaluation.withSaving(rule.annualSavingKwh(site.facts(), receivingPue));
            }
            items.add(new Item(site, evaluation, receivingPue, receiving == null ? null : target));
        }
        items.sort(Comparator.comparing((Item i) -> i.evaluation().annualSavingKwh() == null
                        ? BigDecimal.ZERO
                        : i.evaluation().annualSavingKwh())
                .reversed()
                .thenComparing(i -> i.site().facts().code()));
        return new Run(asOf, window, thresholds, factors(), List.copyOf(items));
    }

    /**
     * Where one site stands at a date: its item of the run (null when the rule does not evaluate it, e.g. not
     * operating then) and, when the PUE criterion is what holds it on the list or the watch-list, the window PUE
     * at or below which it would leave (the threshold; the rule compares unrounded values).
     */
    public record Standing(Run run, Item item, BigDecimal pueToLeave) {
        public ClosureStatus status() {
            return item == null ? ClosureStatus.NONE : item.evaluation().status();
        }
    }

    public Standing standing(String code, LocalDate asOf) {
        Run run = run(asOf);
        Item item = run.items().stream()
                .filter(i -> i.site().facts().code().equals(code))
                .findFirst()
                .orElse(null);
        if (item == null) {
            return new Standing(run, null, null);
        }
        ClosureStatus status = item.evaluation().status();
        boolean heldByPue = Boolean.TRUE.equals(item.evaluation().pue().met())
                && (status == ClosureStatus.CANDIDATE || status == ClosureStatus.WATCH);
        return new Standing(run, item, heldByPue ? run.thresholds().pueAbove() : null);
    }

    /** Receiving sites for one candidate, best first. */
    public List<ConsolidationOption> consolidation(String code, LocalDate asOf) {
        Run run = run(asOf);
        Item candidate = run.items().stream()
                .filter(i -> i.site().facts().code().equals(code))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Operating data center", code));
        if (candidate.evaluation().status() != ClosureStatus.CANDIDATE) {
            throw ProblemException.conflict(code + " is not a closure candidate at " + asOf + " (it is "
                    + candidate.evaluation().status() + ")");
        }
        List<SiteFacts> receivers =
                run.withStatus(ClosureStatus.NONE, ClosureStatus.WATCH, ClosureStatus.NO_DATA).stream()
                        .map(i -> i.site().facts())
                        .toList();
        return new ConsolidationRanker(run.thresholds()).rank(candidate.site().facts(), receivers, asOf);
    }
}
