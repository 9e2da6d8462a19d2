package io.dceff.targets.service;

import io.dceff.platform.DceffConfig;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.problem.ProblemException;
import io.dceff.stations.SharingRate;
import io.dceff.targets.TargetRules;
import io.dceff.targets.TargetRules.Saving;
import io.dceff.targets.TargetRules.TwoYears;
import io.dceff.targets.rest.TargetView;
import io.dceff.targets.rest.TargetsAnswer;
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

/** The plan's targets for a year, each actual computed by one grouped query and shown with its basis. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TargetService {

    @Inject
    Jdbc jdbc;

    @Inject
    DceffConfig config;

    @Inject
    Clock clock;

    /** @param assessmentId the baseline of closure progress; the first stored assessment when null */
    public TargetsAnswer targets(int year, String district, Long assessmentId) {
        var t = config.targets();
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid("year", "must be between 2000 and 2100");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate at = yearEnd.isAfter(today) ? today : yearEnd;
        BigDecimal elapsed = TargetRules.elapsedShare(t.planStart(), t.planEnd(), at);
        List<TargetView> items = new ArrayList<>();

        List<String> reusing = codes("SELECT d.code FROM energy_report r JOIN data_center d ON d.id = r.data_center_id"
                + " WHERE r.period BETWEEN ? AND ?" + districtFilter(district) + " GROUP BY d.code"
                + " HAVING SUM(COALESCE(r.reused_kwh, 0)) > 0 ORDER BY d.code", params(district, yearStart(year), yearEnd));
        items.add(view("WASTE_HEAT_REUSE_DCS", "Data centers reusing waste heat",
                "Data centers that reported energy reused outside the data center (E_REUSE > 0) in the year",
                "data centers", t.wasteHeatReuseDcs(), BigDecimal.valueOf(reusing.size()), elapsed,
                Map.of("dataCenters", reusing)));

        List<String> zeroCarbon = codes("SELECT d.code FROM data_center d WHERE d.zero_carbon"
                + " AND (SELECT s.to_status FROM data_center_status_change s WHERE s.data_center_id = d.id"
                + " AND s.effective_on <= ? ORDER BY s.effective_on DESC, s.id DESC LIMIT 1) = 'OPERATING'"
                + districtFilter(district) + " ORDER BY d.code",
                params(district, Date.valueOf(at)));
        items.add(view("ZERO_CARBON_DCS", "Zero-carbon data centers",
                "Data centers certified zero-carbon and operating at the end of the year (or today)", "data centers",
                t.zeroCarbonDcs(), BigDecimal.valueOf(zeroCarbon.size()), elapsed, Map.of("dataCenters", zeroCarbon)));

        long[] builds = new long[2];
        jdbc.query("SELECT COUNT(*), COALESCE(SUM(shared), 0) FROM base_station d WHERE built_on BETWEEN ? AND ?"
                + districtFilter(district), params(district, yearStart(year), yearEnd), rs -> {
                    builds[0] = rs.getLong(1);
                    builds[1] = rs.getLong(2);
                });
        SharingRate sharing = SharingRate.of("overall", builds[0], builds[1]);
        items.add(view("NEW_BASE_STATION_SHARING", "Sharing of new base stations",
                "Shared base stations built in the year ÷ base stations built in the year", "share", 
                t.newBaseStationSharing(), sharing.rate(), elapsed,
                Map.of("newBuilds", sharing.newBuilds(), "shared", sharing.shared())));

        Saving saving = TargetRules.energySaving(twoYears(year, district));
        Map<String, Object> savingBasis = new LinkedHashMap<>();
        savingBasis.put("dataCenters", saving.dataCenters());
        savingBasis.put("expectedKwh", saving.expectedKwh().setScale(0, RoundingMode.HALF_UP));
        savingBasis.put("actualKwh", saving.actualKwh().setScale(0, RoundingMode.HALF_UP));
        items.add(view("ANNUAL_ENERGY_SAVING", "Yearly energy saving",
                "For data centers that reported in the year and the year before: Σ (E_IT,y × PUE_y−1 − E_DC,y) ÷ "
                        + "Σ (E_IT,y × PUE_y−1), energy saved by efficiency at this year's IT load", "share",
                t.annualEnergySaving(), saving.share() == null ? null : saving.share().setScale(4, RoundingMode.HALF_UP),
                elapsed, savingBasis));

        items.add(closureProgress(district, assessmentId, elapsed));
        return new TargetsAnswer(year, district, t.planStart(), t.planEnd(), at, elapsed, items);
    }

    /** Each target's actual for every year of the plan period. */
    public Map<Integer, TargetsAnswer> years(String district) {
        Map<Integer, TargetsAnswer> years = new LinkedHashMap<>();
        for (int y = config.targets().planStart().getYear(); y <= config.targets().planEnd().getYear(); y++) {
            years.put(y, targets(y, district, null));
        }
        return years;
    }

    private TargetView closureProgress(String district, Long assessmentId, BigDecimal elapsed) {
        var t = config.targets();
        List<Long> first = new ArrayList<>();
        if (assessmentId != null) {
            jdbc.query("SELECT id FROM assessment WHERE id = ?", List.of(assessmentId), rs -> first.add(rs.getLong(1)));
            if (first.isEmpty()) {
                throw ProblemException.invalid("assessment", "assessment " + assessmentId + " does not exist");
            }
        } else {
            jdbc.query("SELECT MIN(id) FROM assessment", List.of(), rs -> {
                long id = rs.getLong(1);
                if (!rs.wasNull()) {
                    first.add(id);
                }
            });
        }
        String definition = "Of the candidates in the first stored assessment, the share now CONSOLIDATING or CLOSED";
        if (first.isEmpty()) {
            return view("CLOSURE_PROGRESS", "Closure of small, old, inefficient data centers",
                    definition + " (no assessment stored yet)", "share", t.closureProgress(), null, elapsed,
                    Map.of("assessment", "none"));
        }
        List<String> candidates = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        params.add(first.get(0));
        if (district != null) {
            params.add(district);
        }
        jdbc.query("SELECT d.code, d.status FROM assessment_item a JOIN data_center d ON d.id = a.data_center_id"
                + " WHERE a.assessment_id = ? AND a.status = 'CANDIDATE'" + districtFilter(district) + " ORDER BY d.code",
                params, rs -> {
                    candidates.add(rs.getString(1));
                    if (List.of("CONSOLIDATING", "CLOSED").contains(rs.getString(2))) {
                        done.add(rs.getString(1));
                    }
                });
        BigDecimal actual = candidates.isEmpty() ? null
                : BigDecimal.valueOf(done.size()).divide(BigDecimal.valueOf(candidates.size()), 4, RoundingMode.HALF_UP);
        Map<String, Object> basis = new LinkedHashMap<>();
        basis.put("assessment", first.get(0));
        basis.put("candidates", candidates.size());
        basis.put("consolidatingOrClosed", done);
        return view("CLOSURE_PROGRESS", "Closure of small, old, inefficient data centers", definition, "share",
                t.closureProgress(), actual, elapsed, basis);
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

    private TargetView view(String id, String name, String definition, String unit, BigDecimal target,
            BigDecimal actual, BigDecimal elapsed, Map<String, Object> basis) {
        return new TargetView(id, name, definition, unit, target, actual, TargetRules.progress(actual, target),
                TargetRules.status(actual, target, elapsed), config.targets().planEnd(), basis);
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
