package io.dceff.targets.service;

import io.dceff.closure.service.AssessmentService;
import io.dceff.closure.service.AssessmentService.Stamp;
import io.dceff.platform.AsOf;
import io.dceff.platform.DceffConfig;
import io.dceff.platform.problem.ProblemException;
import io.dceff.registry.DataCenterStatus;
import io.dceff.registry.Site;
import io.dceff.registry.service.SiteStatus;
import io.dceff.reporting.EnergySums;
import io.dceff.reporting.service.EnergyLedger;
import io.dceff.stations.SharingRate;
import io.dceff.stations.service.BaseStationService;
import io.dceff.targets.TargetResult;
import io.dceff.targets.TargetRules;
import io.dceff.targets.TargetRules.Saving;
import io.dceff.targets.TargetRules.TwoYears;
import io.dceff.targets.TargetsOfYear;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan's targets for a year, each actual shown with its basis, from what the owners of the facts answer: the
 * registry's sites at the measuring date, reporting's energy ledger, the sharing of base stations, closure's
 * assessments. Every figure is measured at one date, the year's end or today ({@link AsOf#inYear}), from the facts
 * in force then only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TargetService {

    @Inject
    SiteStatus sites;

    @Inject
    EnergyLedger ledger;

    @Inject
    BaseStationService stations;

    @Inject
    AssessmentService assessments;

    @Inject
    DceffConfig config;

    @Inject
    Clock clock;

    /** @param assessmentId the baseline of closure progress; the first stored as of the measuring date when null */
    public TargetsOfYear targets(int year, String district, Long assessmentId) {
        var t = config.targets();
        LocalDate today = LocalDate.now(clock);
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid("year", "must be between 2000 and 2100");
        }
        if (year > today.getYear()) {
            throw ProblemException.invalid("year", "must not be after the current year (" + today.getYear() + ")");
        }
        AsOf at = AsOf.inYear(year, today);
        BigDecimal elapsed = TargetRules.elapsedShare(t.planStart(), t.planEnd(), at.date());
        List<TargetResult> items = new ArrayList<>();

        // the sites of the district asked for (all when none), in code order, with their status at the date
        List<Site> inScope = sites.at(at.date()).stream()
                .filter(site -> district == null || district.equals(site.district()))
                .toList();
        Map<Long, EnergySums> thisYear = ledger.sums(YearMonth.of(year, 1), YearMonth.of(year, 12));

        List<String> reusing = new ArrayList<>();
        List<String> zeroCarbon = new ArrayList<>();
        for (Site site : inScope) {
            EnergySums sums = thisYear.get(site.id());
            if (sums != null && sums.reusedKwh().signum() > 0) {
                reusing.add(site.code());
            }
            if (site.zeroCarbonCertifiedOn() != null
                    && at.inForce(site.zeroCarbonCertifiedOn())
                    && site.status() == DataCenterStatus.OPERATING) {
                zeroCarbon.add(site.code());
            }
        }
        items.add(result(
                "WASTE_HEAT_REUSE_DCS",
                "Data centers reusing waste heat",
                "Data centers that reported energy reused outside the data center (E_REUSE > 0) in the year",
                "data centers",
                t.wasteHeatReuseDcs(),
                BigDecimal.valueOf(reusing.size()),
                elapsed,
                at,
                Map.of("dataCenters", reusing)));

        items.add(result(
                "ZERO_CARBON_DCS",
                "Zero-carbon data centers",
                "Data centers certified zero-carbon on or before the measuring date (the year's end, or today) and "
                        + "operating then",
                "data centers",
                t.zeroCarbonDcs(),
                BigDecimal.valueOf(zeroCarbon.size()),
                elapsed,
                at,
                Map.of("dataCenters", zeroCarbon)));

        SharingRate sharing = stations.builtBetween(LocalDate.of(year, 1, 1), at.date(), district);
        items.add(result(
                "NEW_BASE_STATION_SHARING",
                "Sharing of new base stations",
                "Shared base stations built in the year ÷ base stations built in the year",
                "share",
                t.newBaseStationSharing(),
                sharing.rate(),
                elapsed,
                at,
                Map.of("newBuilds", sharing.newBuilds(), "shared", sharing.shared())));

        Saving saving = TargetRules.energySaving(twoYears(year, inScope, thisYear));
        Map<String, Object> savingBasis = new LinkedHashMap<>();
        savingBasis.put("dataCenters", saving.dataCenters());
        savingBasis.put("expectedKwh", saving.expectedKwh().setScale(0, RoundingMode.HALF_UP));
        savingBasis.put("actualKwh", saving.actualKwh().setScale(0, RoundingMode.HALF_UP));
        items.add(result(
                "ANNUAL_ENERGY_SAVING",
                "Yearly energy saving",
                "For data centers that reported in the year and the year before: Σ (E_IT,y × PUE_y−1 − E_DC,y) ÷ "
                        + "Σ (E_IT,y × PUE_y−1), energy saved by efficiency at this year's IT load",
                "share",
                t.annualEnergySaving(),
                saving.share() == null ? null : saving.share().setScale(4, RoundingMode.HALF_UP),
                elapsed,
                at,
                savingBasis));

        items.add(closureProgress(district, inScope, assessmentId, at, elapsed));
        return new TargetsOfYear(year, district, t.planStart(), t.planEnd(), at.date(), elapsed, items);
    }

    /** Each target's actual for every year of the plan period up to the current one. */
    public Map<Integer, TargetsOfYear> years(String district) {
        Map<Integer, TargetsOfYear> years = new LinkedHashMap<>();
        int last = Math.min(
                config.targets().planEnd().getYear(), LocalDate.now(clock).getYear());
        for (int y = config.targets().planStart().getYear(); y <= last; y++) {
            years.put(y, targets(y, district, null));
        }
        return years;
    }

    /**
     * Of the baseline's candidates (those of the district, when one is given, with all of them as the target), the
     * share CONSOLIDATING or CLOSED at the measuring date; no figure without a baseline or candidates.
     *
     * @param inScope the sites of the district (all when none), in code order, with their status at the date
     */
    private TargetResult closureProgress(
            String district, List<Site> inScope, Long assessmentId, AsOf at, BigDecimal elapsed) {
        BigDecimal target = district == null ? config.targets().closureProgress() : BigDecimal.ONE;
        String name = "Closure of small, old, inefficient data centers";
        String definition = "Of the candidates" + (district == null ? "" : " in the district")
                + " in the first stored assessment whose asOf is on or before the measuring date, the share "
                + "CONSOLIDATING or CLOSED at the measuring date";
        List<Stamp> stored = assessments.stamps();
        Optional<Stamp> baseline;
        if (assessmentId == null) {
            baseline = TargetRules.baseline(stored, Stamp::asOf, at);
        } else {
            Stamp named = stored.stream()
                    .filter(a -> a.id() == assessmentId)
                    .findFirst()
                    .orElseThrow(() ->
                            ProblemException.invalid("assessment", "assessment " + assessmentId + " does not exist"));
            if (!at.inForce(named.asOf())) {
                throw ProblemException.invalid(
                        "assessment",
                        "assessment " + assessmentId + " is as of " + named.asOf() + ", after the measuring date "
                                + at.date());
            }
            baseline = Optional.of(named);
        }
        if (baseline.isEmpty()) {
            return result(
                    "CLOSURE_PROGRESS",
                    name,
                    definition + " (no assessment as of the measuring date)",
                    "share",
                    target,
                    null,
                    elapsed,
                    at,
                    Map.of("assessment", "none"));
        }
        Set<Long> listed = assessments.candidateIds(baseline.get().id());
        List<Site> candidates =
                inScope.stream().filter(site -> listed.contains(site.id())).toList();
        List<String> done = candidates.stream()
                .filter(c -> c.status() == DataCenterStatus.CONSOLIDATING || c.status() == DataCenterStatus.CLOSED)
                .map(Site::code)
                .toList();
        Map<String, Object> basis = new LinkedHashMap<>();
        basis.put("assessment", baseline.get().id());
        basis.put("assessmentAsOf", baseline.get().asOf());
        basis.put("candidates", candidates.size());
        basis.put("consolidatingOrClosed", done);
        return result(
                "CLOSURE_PROGRESS",
                name,
                definition,
                "share",
                target,
                TargetRules.closureShare(done.size(), candidates.size()),
                elapsed,
                at,
                basis);
    }

    /** The sites in scope that reported in the year and in the year before. */
    private List<TwoYears> twoYears(int year, List<Site> inScope, Map<Long, EnergySums> thisYear) {
        Map<Long, EnergySums> yearBefore = ledger.sums(YearMonth.of(year - 1, 1), YearMonth.of(year - 1, 12));
        List<TwoYears> both = new ArrayList<>();
        for (Site site : inScope) {
            EnergySums now = thisYear.get(site.id());
            EnergySums before = yearBefore.get(site.id());
            if (now != null && before != null) {
                both.add(new TwoYears(
                        site.code(), before.facilityKwh(), before.itKwh(), now.facilityKwh(), now.itKwh()));
            }
        }
        return both;
    }

    private TargetResult result(
            String id,
            String name,
            String definition,
            String unit,
            BigDecimal target,
            BigDecimal actual,
            BigDecimal elapsed,
            AsOf at,
            Map<String, Object> basis) {
        LocalDate deadline = config.targets().planEnd();
        return new TargetResult(
                id,
                name,
                definition,
                unit,
                target,
                actual,
                TargetRules.progress(actual, target),
                TargetRules.status(actual, target, elapsed, at, deadline),
                deadline,
                basis);
    }
}
