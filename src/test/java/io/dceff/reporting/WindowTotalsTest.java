package io.dceff.reporting;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.closure.ClosureWindow;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.reporting.service.WindowTotals;
import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The window totals kept at ingest equal the reports summed afresh, whatever order reports and corrections
 * come in: random submissions, batches and corrections (a fixed seed, so a failure repeats), checked against
 * the reports after every step and against a model kept by the test.
 */
@QuarkusTest
class WindowTotalsTest {

    private static final int SITES = 4;
    private static final int RACKS = 300;

    @Inject
    WindowTotals windowTotals;

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    private record Figures(BigDecimal facility, BigDecimal it, Integer racksInUse) {
    }

    @Test
    void keptTotalsEqualTheReportsAfterRandomSubmissionsAndCorrections() {
        LocalDate today = LocalDate.now(clock);
        ClosureWindow window = ClosureWindow.endingOnOrBefore(today);
        String op = createOrganization("OPERATOR");
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            sites.add(createDataCenter(op, RACKS, LocalDate.of(2005, 1, 1)));
        }
        // the first question about the current window builds its totals; from then on every write keeps them
        candidates(today, op);
        assertThat(windowTotals.holds(window.first(), window.last())).isTrue();

        Map<String, Map<YearMonth, Figures>> model = new HashMap<>();
        SplittableRandom random = new SplittableRandom(17);
        for (int step = 0; step < 40; step++) {
            String site = sites.get(random.nextInt(SITES));
            Map<YearMonth, Figures> months = model.computeIfAbsent(site, k -> new TreeMap<>());
            // months inside the window and a few on either side of its start
            YearMonth month = window.first().plusMonths(random.nextInt(-3, 12));
            Figures figures = randomFigures(random);
            if (months.containsKey(month)) {
                as(TestTokens.operator(op)).body(body(month, figures))
                        .put("/api/v1/data-centers/" + site + "/energy-reports/" + month).then().statusCode(200);
            } else if (random.nextBoolean()) {
                as(TestTokens.operator(op)).body(body(month, figures))
                        .post("/api/v1/data-centers/" + site + "/energy-reports").then().statusCode(201);
            } else {
                // a batch: this month and the next free ones of the same site
                List<Map<String, Object>> rows = new ArrayList<>();
                for (YearMonth m = month; rows.size() < 3 && !m.isAfter(window.last()); m = m.plusMonths(1)) {
                    if (!months.containsKey(m)) {
                        Figures f = rows.isEmpty() ? figures : randomFigures(random);
                        Map<String, Object> row = body(m, f);
                        row.put("dataCenterCode", site);
                        rows.add(row);
                        months.put(m, f);
                    }
                }
                as(TestTokens.operator(op)).body(rows).post("/api/v1/energy-reports/batch").then().statusCode(201);
            }
            months.put(month, figures);
            assertThat(kept(sites)).as("kept totals after step %d", step).isEqualTo(summedAfresh(sites, window));
        }

        // the kept totals are the model's sums, and the rule reads them for the current window
        Map<String, String> expected = new TreeMap<>();
        model.forEach((site, months) -> {
            BigDecimal facility = BigDecimal.ZERO;
            BigDecimal it = BigDecimal.ZERO;
            int count = 0;
            for (Map.Entry<YearMonth, Figures> e : months.entrySet()) {
                if (window.contains(e.getKey())) {
                    facility = facility.add(e.getValue().facility());
                    it = it.add(e.getValue().it());
                    count++;
                }
            }
            if (count > 0) {
                expected.put(site, facility.setScale(3) + "/" + it.setScale(3) + "/" + count);
            }
        });
        Map<String, String> kept = new TreeMap<>();
        kept(sites).forEach((site, row) -> kept.put(site, row.substring(0, row.lastIndexOf('/'))));
        assertThat(kept).isEqualTo(expected);
        Map<String, Integer> monthsOfData = new TreeMap<>();
        for (String status : List.of("CANDIDATE", "WATCH", "NONE", "NO_DATA")) {
            JsonPath answer = as(TestTokens.regulator()).get("/api/v1/closure-candidates?asOf=" + today + "&operator=" + op
                    + "&status=" + status + "&size=100").then().statusCode(200).extract().jsonPath();
            List<String> codes = answer.getList("items.dataCenter.code");
            List<Integer> months = answer.getList("items.monthsOfData");
            for (int i = 0; i < codes.size(); i++) {
                monthsOfData.put(codes.get(i), months.get(i));
            }
        }
        Map<String, Integer> expectedMonths = new TreeMap<>();
        sites.forEach(site -> expectedMonths.put(site, expected.containsKey(site)
                ? Integer.parseInt(expected.get(site).substring(expected.get(site).lastIndexOf('/') + 1)) : 0));
        assertThat(monthsOfData).as("months of data in the rule's answer").isEqualTo(expectedMonths);
    }

    private static Figures randomFigures(SplittableRandom random) {
        BigDecimal it = BigDecimal.valueOf(50_000 + random.nextInt(50_000), 0).add(BigDecimal.valueOf(random.nextInt(1000), 3));
        BigDecimal facility = it.multiply(BigDecimal.valueOf(110 + random.nextInt(80), 2)).setScale(3,
                java.math.RoundingMode.HALF_UP);
        return new Figures(facility, it, random.nextBoolean() ? null : 10 + random.nextInt(RACKS - 10));
    }

    private static Map<String, Object> body(YearMonth month, Figures f) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", month.toString());
        body.put("facilityKwh", f.facility());
        body.put("itKwh", f.it());
        if (f.racksInUse() != null) {
            body.put("racksInUse", f.racksInUse());
        }
        return body;
    }

    private static void candidates(LocalDate asOf, String operator) {
        as(TestTokens.regulator()).get("/api/v1/closure-candidates?asOf=" + asOf + "&operator=" + operator).then()
                .statusCode(200);
    }

    private Map<String, String> kept(List<String> sites) {
        return rows("energy_window_total", List.of(), sites);
    }

    private Map<String, String> summedAfresh(List<String> sites, ClosureWindow window) {
        WindowTotals.Source source = windowTotals.aggregate(window.first(), window.last());
        return rows(source.sql(), source.params(), sites);
    }

    private Map<String, String> rows(String table, List<Object> params, List<String> sites) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(sites);
        Map<String, String> rows = new TreeMap<>();
        jdbc.query("SELECT d.code, t.facility_kwh, t.it_kwh, t.months, t.racks_in_use FROM " + table + " t"
                + " JOIN data_center d ON d.id = t.data_center_id WHERE d.code IN (" + Jdbc.placeholders(sites.size())
                + ")", all, rs -> rows.put(rs.getString(1), rs.getBigDecimal(2).setScale(3) + "/"
                        + rs.getBigDecimal(3).setScale(3) + "/" + rs.getInt(4) + "/" + rs.getObject(5)));
        return rows;
    }
}
