package io.dceff.targets.service;

import io.dceff.closure.service.AssessmentService;
import io.dceff.closure.service.AssessmentService.Candidate;
import io.dceff.closure.service.AssessmentService.Stamp;
import io.dceff.platform.AsOf;
import io.dceff.platform.DceffConfig;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.problem.ProblemException;
import io.dceff.registry.DataCenterStatus;
import io.dceff.registry.service.StatusAt;
import io.dceff.stations.SharingRate;
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
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan's targets for a year, each actual computed by one grouped query and shown with its basis. Every figure
 * is measured at one date, the year's end or today ({@link AsOf#inYear}), from the facts in force then only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TargetService {

    @Inject
    Jdbc jdbc;

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
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        BigDecimal elapsed = TargetRules.elapsedShare(t.planStart(), t.planEnd(), at.date());
        List<TargetResult> items = new ArrayList<>();

        List<String> reusing = codes("SELECT d.code FROM energy_report r JOIN data_center d ON d.id = r.data_center_id"
                + " WHERE r.period BETWEEN ? AND ?" + districtFilter(district) + " GROUP BY d.code"
                + " HAVING SUM(COALESCE(r.reused_kwh, 0)) > 0 ORDER BY d.code", params(district, yearStart(year), yearEnd));
        items.add(result("WASTE_HEAT_REUSE_DCS", "Data centers reusing waste heat",
                "Data centers that reported energy reused outside the data center (E_REUSE > 0) in the year",
                "data centers", t.wasteHeatReuseDcs(), BigDecimal.valueOf(reusing.size()), elapsed, at,
                Map.of("dataCenters", reusing)));

        List<String> zeroCarbon = new ArrayList<>();
        jdbc.query("SELECT d.code, d.zero_carbon_certified_on, " + StatusAt.sql("d.id") + " FROM data_center d"
                + " WHERE d.zero_carbon_certified_on IS NOT NULL" + districtFilter(district) + " ORDER BY d.code",
                params(district, at.date()), rs -> {
                    if (at.inForce(rs.getDate(2).toLocalDate())
                            && DataCenterStatus.OPERATING.name().equals(rs.getString(3))) {
                        zeroCarbon.add(rs.getString(1));
                    }
                });
        items.add(result("ZERO_CARBON_DCS", "Zero-carbon data centers",
                "Data centers certified zero-carbon on or before the measuring date (the year's end, or today) and "
                        + "operating then", "data centers", t.zeroCarbonDcs(), BigDecimal.valueOf(zeroCarbon.size()),
                elapsed, at, Map.of("dataCenters", zeroCarbon)));

        long[] builds = new long[2];
        jdbc.query("SELECT COUNT(*), COALESCE(SUM(shared), 0) FROM base_station d WHERE built_on BETWEEN ? AND ?"
                + districtFilter(district), params(district, yearStart(year), at.date()), rs -> {
                    builds[0] = rs.getLong(1);
                    builds[1] = rs.getLong(2);
                });
        SharingRate sharing = SharingRate.of("overall", builds[0], builds[1]);
        items.add(result("NEW_BASE_STATION_SHARING", "Sharing of new base stations",
                "Shared base stations built in the year ÷ base stations built in the year", "share",
                t.newBaseStationSharing(), sharing.rate(), elapsed, at,
                Map.of("newBuilds", sharing.newBuilds(), "shared", sharing.shared())));

        Saving saving = TargetRules.energySaving(twoYears(year, district));
        Map<String, Object> savingBasis = new LinkedHashMap<>();
        savingBasis.put("dataCenters", saving.dataCenters());
        savingBasis.put("expectedKwh", saving.expectedKwh().setScale(0, RoundingMode.HALF_UP));
        savingBasis.put("actualKwh", saving.actualKwh().setScale(0, RoundingMode.HALF_UP));
        items.add(result("ANNUAL_ENERGY_SAVING", "Yearly energy saving",
                "For data centers that reported in the year and the year before: Σ (E_IT,y × PUE_y−1 − E_DC,y) ÷ "
                        + "Σ (E_IT,y × PUE_y−1), energy saved by efficiency at this year's IT load", "share",
                t.annualEnergySaving(), saving.share() == null ? null : saving.share().setScale(4, RoundingMode.HALF_UP),
                elapsed, at, savingBasis));

        items.add(closureProgress(district, assessmentId, at, elapsed));
        return new TargetsOfYear(year, district, t.planStart(), t.planEnd(), at.date(), elapsed, items);
    }

    /** Each target's actual for every year of the plan period up to the current one. */
    public Map<Integer, TargetsOfYear> years(String district) {
        Map<Integer, TargetsOfYear> years = new LinkedHashMap<>();
        int last = Math.min(config.targets().planEnd().getYear(), LocalDate.now(clock).getYear());
        for (int y = config.targets().planStart().getYear(); y <= last; y++) {
            years.put(y, targets(y, district, null));
        }
        return years;
    }

    /**
     * Of the baseline's candidates (those of the district, when one is given, with all of them as the target), the
     * share CONSOLIDATING or CLOSED at the measuring date; no figure without a baseline or candidates.
     */
    private TargetResult closureProgress(String district, Long assessmentId, AsOf at, BigDecimal elapsed) {
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
            Stamp named = stored.stream().filter(a -> a.id() == assessmentId).findFirst().orElseThrow(
                    () -> ProblemException.invalid("assessment", "assessment " + assessmentId + " does not exist"));
            if (!at.inForce(named.asOf())) {
                throw ProblemException.invalid("assessment", "assessment " + assessmentId + " is as of " + named.asOf()
                        + ", after the measuring date " + at.date());
            }
            baseline = Optional.of(named);
        }
        if (baseline.isEmpty()) {
            return result("CLOSURE_PROGRESS", name, definition + " (no assessment as of the measuring date)", "share",
                    target, null, elapsed, at, Map.of("assessment", "none"));
        }
        List<Candidate> candidates = assessments.candidates(baseline.get().id(), district, at.date());
        List<String> done = candidates.stream()
                .filter(c -> c.statusAt() == DataCenterStatus.CONSOLIDATING || c.statusAt() == DataCenterStatus.CLOSED)
                .map(Candidate::code).toList();
        Map<String, Object> basis = new LinkedHashMap<>();
        basis.put("assessment", baseline.get().id());
        basis.put("assessmentAsOf", baseline.get().asOf());
        basis.put("candidates", candidates.size());
        basis.put("consolidatingOrClosed", done);
        return result("CLOSURE_PROGRESS", name, definition, "share", target,
                TargetRules.closureShare(done.size(), candidates.size()), elapsed, at, basis);
    }

    private List<TwoYears> twoYears(int year, String district) {
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        jdbc.query("SELECT d.code, YEAR(r.period), SUM(r.facility_kwh), SUM(r.it_kwh) FROM energy_report r"
                + " JOIN data_center d ON d.id = r.data_center_id WHERE r.period BETWEEN ? AND ?" + districtFilter(district)
                + " GROUP BY d.code, YEAR(r.period)", params(district, yearStart(year - 1), LocalDate.of(year, 12, 31)),
                rs -> {
                    BigDecimal[] s = sums.computeIfAbsent(rs.getString(1), c -> new BigDecimal[4]);
                    int offset = rs.getInt(2) == year ? 2 : 0;
                    s[offset] = rs.getBigDecimal(3);
                    s[offset + 1] = rs.getBigDecimal(4);
                });
        List<TwoYears> both = new ArrayList<>();
        sums.forEach((code, s) -> {
            if (s[0] != null && s[2] != null) {
                both.add(new TwoYears(code, s[0], s[1], s[2], s[3]));
            }
        });
        return both;
    }

    private TargetResult result(String id, String name, String definition, String unit, BigDecimal target,
            BigDecimal actual, BigDecimal elapsed, AsOf at, Map<String, Object> basis) {
        LocalDate deadline = config.targets().planEnd();
        return new TargetResult(id, name, definition, unit, target, actual, TargetRules.progress(actual, target),
                TargetRules.status(actual, target, elapsed, at, deadline), deadline, basis);
    }

    private List<String> codes(String sql, List<Object> params) {
        List<String> codes = new ArrayList<>();
        jdbc.query(sql, params, rs -> codes.add(rs.getString(1)));
        return codes;
    }

    private static String districtFilter(String district) {
        return district == null ? "" : " AND d.district_code = ?";
    }

    /** The query's own parameters, then the district when filtered (it comes last in every statement here). */
    private static List<Object> params(String district, Object... values) {
        List<Object> params = new ArrayList<>();
        for (Object v : values) {
            params.add(v instanceof LocalDate d ? Date.valueOf(d) : v);
        }
        if (district != null) {
            params.add(district);
        }
        return params;
    }

    private static LocalDate yearStart(int year) {
        return LocalDate.of(year, 1, 1);
    }
}
