package io.dceff.reporting;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.dceff.closure.ClosureWindow;
import io.dceff.closure.service.ClosureFacts;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.pue.Pue;
import io.dceff.reporting.service.WindowTotals;
import io.dceff.support.TestClock;
import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window totals kept at ingest never differ from the reports: after random submissions, batches and
 * corrections (fixed seeds, so a failure repeats), across a month end, with a writer whose clock is behind, and
 * with concurrent writers while the month turns. Checked after every step: each row that names a window holds
 * that window's sums of the stored reports, and the closure rule's facts for today equal the reports summed afresh.
 */
@QuarkusTest
class WindowTotalsTest {

    private static final int RACKS = 300;
    private static final LocalDateTime MID_JUNE = LocalDateTime.of(2026, 6, 15, 12, 0);
    private static final LocalDateTime JUNE_29 = LocalDateTime.of(2026, 6, 29, 23, 0);
    /** The last day of June: the closure window now ends with June. */
    private static final LocalDateTime JUNE_30 = LocalDateTime.of(2026, 6, 30, 1, 0);

    @Inject
    WindowTotals windowTotals;

    @Inject
    ClosureFacts closureFacts;

    @Inject
    Jdbc jdbc;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    private record Figures(BigDecimal facility, BigDecimal it, Integer racksInUse) {}

    /** A window's sums as the rule reads them. */
    private record Sums(BigDecimal facility, BigDecimal it, int months, Integer racksInUse) {}

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    @Test
    void keptTotalsEqualTheReportsAfterRandomWritesAcrossAMonthEnd() throws Exception {
        clock.set(MID_JUNE);
        String op = createOrganization("OPERATOR");
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sites.add(createDataCenter(op, RACKS, LocalDate.of(2005, 1, 1)));
        }
        Map<String, Map<YearMonth, Figures>> model = new HashMap<>();
        SplittableRandom random = new SplittableRandom(17);

        ClosureWindow june = window();
        assertThat(june.last()).isEqualTo(YearMonth.of(2026, 5));
        randomWrites(op, sites, model, random, 40, june);
        assertAnswer(op, sites, model);

        // the month turns: writers now keep the window ending June, and the rule asks for it
        clock.set(JUNE_30);
        ClosureWindow july = window();
        assertThat(july.last()).isEqualTo(YearMonth.of(2026, 6));
        randomWrites(op, sites, model, random, 30, july);
        assertAnswer(op, sites, model);
        assertThat(windows(sites))
                .as("every row summed afresh for the new window")
                .containsOnly(july.last());

        // a writer whose clock is still on the 29th (another node): its correction leaves the row of no window
        clock.set(JUNE_29);
        String site = model.keySet().stream().sorted().findFirst().orElseThrow();
        YearMonth month = model.get(site).keySet().iterator().next();
        Figures figures = randomFigures(random);
        as(TestTokens.operator(op))
                .body(body(month, figures))
                .put("/api/v1/data-centers/" + site + "/energy-reports/" + month)
                .then()
                .statusCode(200);
        model.get(site).put(month, figures);
        assertThat(windows(List.of(site)))
                .as("the row of a write of another window")
                .containsOnly((YearMonth) null);
        assertRowsTrue(sites);
        clock.set(JUNE_30);
        assertAnswer(op, sites, model);

        // rows of another window, or of none (a refresh that lost a race), are never taken for today's sums
        jdbc.update(
                "UPDATE energy_window_total t JOIN data_center d ON d.id = t.data_center_id SET t.last_period = NULL"
                        + " WHERE d.code = ?",
                List.of(sites.get(1)));
        jdbc.update(
                "UPDATE energy_window_total t JOIN data_center d ON d.id = t.data_center_id"
                        + " SET t.last_period = '2026-05-01', t.facility_kwh = 1 WHERE d.code = ?",
                List.of(sites.get(2)));
        assertThat(sums(windowTotals.kept(window().last()), sites))
                .as("kept rows and the rest from the reports")
                .isEqualTo(sums(windowTotals.aggregate(window().first(), window().last()), sites));
        assertAnswer(op, sites, model);
        assertThat(windows(sites)).containsOnly(window().last());

        // after a month end most rows are summed afresh on a thread of their own
        jdbc.update(
                "UPDATE energy_window_total t JOIN data_center d ON d.id = t.data_center_id SET t.last_period = NULL"
                        + " WHERE d.code IN (" + Jdbc.placeholders(sites.size()) + ")",
                sites);
        assertThat(windowTotals.refreshInBackground(window().last()).get()).isGreaterThanOrEqualTo(model.size());
        assertThat(windows(sites)).containsOnly(window().last());
        assertRowsTrue(sites);

        // a past as-of date is the rule summed from the reports, whatever is kept
        LocalDate past = LocalDate.of(2026, 3, 31);
        assertThat(answer(op, past)).isEqualTo(expected(sites, model, ClosureWindow.endingOnOrBefore(past)));
    }

    @Test
    void concurrentWritersAndReadersWhileTheMonthTurnsLeaveTheTotalsTrue() throws Exception {
        clock.set(JUNE_29);
        String op = createOrganization("OPERATOR");
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sites.add(createDataCenter(op, RACKS, LocalDate.of(2005, 1, 1)));
        }
        String token = TestTokens.operator(op);
        Set<String> stored = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                SplittableRandom random = new SplittableRandom(100 + w);
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        String site = sites.get(random.nextInt(sites.size()));
                        YearMonth month = YearMonth.of(2025, 5).plusMonths(random.nextInt(14));
                        int status;
                        if (stored.contains(site + month)) {
                            status = as(token)
                                    .body(body(month, randomFigures(random)))
                                    .put("/api/v1/data-centers/" + site + "/energy-reports/" + month)
                                    .statusCode();
                        } else if (random.nextBoolean()) {
                            status = as(token)
                                    .body(body(month, randomFigures(random)))
                                    .post("/api/v1/data-centers/" + site + "/energy-reports")
                                    .statusCode();
                        } else {
                            List<Map<String, Object>> rows = new ArrayList<>();
                            for (YearMonth m = month;
                                    rows.size() < 2 && !m.isAfter(YearMonth.of(2026, 6));
                                    m = m.plusMonths(1)) {
                                Map<String, Object> row = body(m, randomFigures(random));
                                row.put("dataCenterCode", site);
                                rows.add(row);
                            }
                            status = as(token)
                                    .body(rows)
                                    .post("/api/v1/energy-reports/batch")
                                    .statusCode();
                            if (status == 201) {
                                rows.forEach(r -> stored.add(site + r.get("period")));
                            }
                        }
                        if (status == 201) {
                            stored.add(site + month);
                        }
                        statuses.merge(status, 1, Integer::sum);
                    }
                    return null;
                }));
            }
            // a reader refreshing the totals, and the month turning back and forth under the writers
            Future<?> reader = pool.submit(() -> {
                while (writing.get()) {
                    as(TestTokens.regulator())
                            .get("/api/v1/closure-candidates?operator=" + op)
                            .then()
                            .statusCode(200);
                }
                return null;
            });
            Future<?> calendar = pool.submit(() -> {
                for (int i = 0; writing.get(); i++) {
                    clock.set(i % 2 == 0 ? JUNE_30 : JUNE_29);
                    Thread.sleep(30);
                }
                return null;
            });
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            reader.get();
            calendar.get();
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        System.out.printf("Concurrent writers while the month turned: answers %s%n", statuses);
        assertThat(statuses.keySet()).as("answers to the writers %s", statuses).isSubsetOf(200, 201, 409);
        assertThat(statuses.get(201)).as("months stored").isGreaterThan(10);

        clock.set(JUNE_30);
        assertRowsTrue(sites);
        assertFactsAreTheReports(sites);
    }

    @Test
    void aRefreshNeverStoresSumsReadBeforeAWriteThatCommittedWhileItWaited() throws Exception {
        String op = createOrganization("OPERATOR");
        String site = createDataCenter(op, RACKS, LocalDate.of(2005, 1, 1));
        YearMonth last = window().last();
        as(TestTokens.operator(op))
                .body(body(last.minusMonths(2), new Figures(new BigDecimal("1500"), new BigDecimal("1000"), 100)))
                .post("/api/v1/data-centers/" + site + "/energy-reports")
                .then()
                .statusCode(201);
        long id = id(site);
        jdbc.update("UPDATE energy_window_total SET last_period = NULL WHERE data_center_id = ?", List.of(id));

        // a writer in the middle of its transaction: a new month stored, its row written (of no window: one more
        // write), not committed yet
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (Statement sql = writer.createStatement()) {
                sql.executeUpdate("INSERT INTO energy_report (data_center_id, period, revision, facility_kwh, it_kwh,"
                        + " submitted_at, submitted_by) VALUES (" + id + ", '" + last.atDay(1) + "', 1, 2600, 2000,"
                        + " NOW(3), 'test')");
                sql.executeUpdate("INSERT INTO energy_report_revision (data_center_id, period, revision, facility_kwh,"
                        + " it_kwh, submitted_at, submitted_by) VALUES (" + id + ", '" + last.atDay(1) + "', 1, 2600,"
                        + " 2000, NOW(3), 'test')");
                sql.executeUpdate("UPDATE energy_window_total SET facility_kwh = facility_kwh + 2600,"
                        + " it_kwh = it_kwh + 2000, months = months + 1, writes = writes + 1 WHERE data_center_id = "
                        + id);
            }
            // the refresh reads the sums without that month, then waits for the writer's row
            Future<Integer> refresh = windowTotals.refreshInBackground(last);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (lockWaits() == 0) {
                if (refresh.isDone()) {
                    throw new AssertionError("the refresh did not wait for the writer's row: " + refresh.get());
                }
                assertThat(Instant.now())
                        .as("the refresh reached the writer's row")
                        .isBefore(deadline);
                Thread.sleep(10);
            }
            writer.commit();
            refresh.get();
        }
        assertRowsTrue(List.of(site));
        assertFactsAreTheReports(List.of(site));
    }

    private long lockWaits() {
        long[] waits = new long[1];
        jdbc.query(
                "SHOW GLOBAL STATUS LIKE 'Innodb_row_lock_current_waits'",
                List.of(),
                rs -> waits[0] = Long.parseLong(rs.getString(2)));
        return waits[0];
    }

    private long id(String site) {
        long[] id = new long[1];
        jdbc.query("SELECT id FROM data_center WHERE code = ?", List.of(site), rs -> id[0] = rs.getLong(1));
        return id[0];
    }

    private void randomWrites(
            String op,
            List<String> sites,
            Map<String, Map<YearMonth, Figures>> model,
            SplittableRandom random,
            int steps,
            ClosureWindow window) {
        for (int step = 0; step < steps; step++) {
            String site = sites.get(random.nextInt(sites.size()));
            Map<YearMonth, Figures> months = model.computeIfAbsent(site, k -> new TreeMap<>());
            // months inside the window, a few before it, and today's month when it is not in the window yet
            YearMonth latest = YearMonth.now(clock);
            YearMonth month = window.first().plusMonths(random.nextInt(-3, 13));
            month = month.isAfter(latest) ? latest : month;
            Figures figures = randomFigures(random);
            if (months.containsKey(month)) {
                as(TestTokens.operator(op))
                        .body(body(month, figures))
                        .put("/api/v1/data-centers/" + site + "/energy-reports/" + month)
                        .then()
                        .statusCode(200);
            } else if (random.nextBoolean()) {
                as(TestTokens.operator(op))
                        .body(body(month, figures))
                        .post("/api/v1/data-centers/" + site + "/energy-reports")
                        .then()
                        .statusCode(201);
            } else {
                // a batch: this month and the next free ones of the same site
                List<Map<String, Object>> rows = new ArrayList<>();
                for (YearMonth m = month; rows.size() < 3 && !m.isAfter(latest); m = m.plusMonths(1)) {
                    if (!months.containsKey(m)) {
                        Figures f = rows.isEmpty() ? figures : randomFigures(random);
                        Map<String, Object> row = body(m, f);
                        row.put("dataCenterCode", site);
                        rows.add(row);
                        months.put(m, f);
                    }
                }
                as(TestTokens.operator(op))
                        .body(rows)
                        .post("/api/v1/energy-reports/batch")
                        .then()
                        .statusCode(201);
            }
            months.put(month, figures);
            assertRowsTrue(sites);
            if (step % 5 == 4) {
                assertFactsAreTheReports(sites);
            }
        }
    }

    /** Today's answer for the operator equals the model: months of data and window PUE of every site. */
    private void assertAnswer(String op, List<String> sites, Map<String, Map<YearMonth, Figures>> model) {
        LocalDate today = LocalDate.now(clock);
        assertThat(answer(op, today)).isEqualTo(expected(sites, model, window()));
        assertFactsAreTheReports(sites);
    }

    private Map<String, String> answer(String op, LocalDate asOf) {
        Map<String, String> answer = new TreeMap<>();
        for (String status : List.of("CANDIDATE", "WATCH", "NONE", "NO_DATA")) {
            JsonPath page = as(TestTokens.regulator())
                    .get("/api/v1/closure-candidates?asOf=" + asOf + "&operator=" + op + "&status=" + status
                            + "&size=100")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> codes = page.getList("items.dataCenter.code");
            List<Integer> months = page.getList("items.monthsOfData");
            List<Object> pues = page.getList("items.pue");
            for (int i = 0; i < codes.size(); i++) {
                answer.put(codes.get(i), months.get(i) + " months, PUE " + pues.get(i));
            }
        }
        return answer;
    }

    private static Map<String, String> expected(
            List<String> sites, Map<String, Map<YearMonth, Figures>> model, ClosureWindow window) {
        Map<String, String> expected = new TreeMap<>();
        for (String site : sites) {
            BigDecimal facility = BigDecimal.ZERO;
            BigDecimal it = BigDecimal.ZERO;
            int months = 0;
            for (Map.Entry<YearMonth, Figures> e :
                    model.getOrDefault(site, Map.of()).entrySet()) {
                if (inside(window, e.getKey())) {
                    facility = facility.add(e.getValue().facility());
                    it = it.add(e.getValue().it());
                    months++;
                }
            }
            expected.put(
                    site,
                    months + " months, PUE "
                            + (months == 0
                                    ? null
                                    : Pue.display(Pue.of(facility, it)).floatValue()));
        }
        return expected;
    }

    /** Every site with reports has a row, and a row that names a window holds that window's sums of the reports. */
    private void assertRowsTrue(List<String> sites) {
        Map<String, List<Object[]>> reports = reports(sites);
        Map<String, String> rows = new TreeMap<>();
        Map<String, String> summed = new TreeMap<>();
        jdbc.query(
                "SELECT d.code, t.last_period, t.facility_kwh, t.it_kwh, t.months, t.racks_in_use, t.racks_period"
                        + " FROM energy_window_total t JOIN data_center d ON d.id = t.data_center_id WHERE d.code IN ("
                        + Jdbc.placeholders(sites.size()) + ")",
                sites,
                rs -> {
                    LocalDate last = rs.getObject(2, LocalDate.class);
                    if (last != null) {
                        String code = rs.getString(1);
                        ClosureWindow window =
                                new ClosureWindow(YearMonth.from(last).minusMonths(11), YearMonth.from(last));
                        rows.put(
                                code,
                                last + ": " + rs.getBigDecimal(3).setScale(3) + " / "
                                        + rs.getBigDecimal(4).setScale(3) + " / " + rs.getInt(5) + " months / racks "
                                        + rs.getObject(6) + " of " + rs.getObject(7));
                        summed.put(code, last + ": " + sum(reports.get(code), window, true));
                    } else {
                        rows.put(rs.getString(1), "of no window");
                        summed.put(rs.getString(1), "of no window");
                    }
                });
        assertThat(rows.keySet()).as("a row for every site with reports").containsAll(reports.keySet());
        assertThat(rows).as("kept rows against the reports").isEqualTo(summed);
    }

    /** The closure rule's facts for today equal the reports summed afresh. */
    private void assertFactsAreTheReports(List<String> sites) {
        ClosureWindow window = window();
        Map<String, List<Object[]>> reports = reports(sites);
        Map<String, String> facts = new TreeMap<>();
        Map<String, String> summed = new TreeMap<>();
        for (ClosureFacts.Site site : closureFacts.sites(LocalDate.now(clock), window)) {
            String code = site.facts().code();
            if (sites.contains(code)) {
                facts.put(
                        code,
                        site.facts().windowFacilityKwh().setScale(3) + " / "
                                + site.facts().windowItKwh().setScale(3) + " / "
                                + site.facts().monthsOfData() + " months / racks "
                                + site.facts().latestRacksInUse());
                summed.put(
                        code,
                        reports.containsKey(code)
                                ? sum(reports.get(code), window, false)
                                : "0.000 / 0.000 / 0 months / racks null");
            }
        }
        assertThat(facts)
                .as("the rule's facts for %s against the reports", window)
                .isEqualTo(summed);
    }

    /** The stored reports of these sites: period, facility, IT, racks in use. */
    private Map<String, List<Object[]>> reports(List<String> sites) {
        Map<String, List<Object[]>> reports = new TreeMap<>();
        jdbc.query(
                "SELECT d.code, r.period, r.facility_kwh, r.it_kwh, r.racks_in_use FROM energy_report r"
                        + " JOIN data_center d ON d.id = r.data_center_id WHERE d.code IN ("
                        + Jdbc.placeholders(sites.size())
                        + ")",
                sites,
                rs -> reports.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Object[] {
                            YearMonth.from(rs.getObject(2, LocalDate.class)),
                            rs.getBigDecimal(3),
                            rs.getBigDecimal(4),
                            rs.getObject(5, Integer.class)
                        }));
        return reports;
    }

    private static String sum(List<Object[]> reports, ClosureWindow window, boolean withRacksMonth) {
        BigDecimal facility = BigDecimal.ZERO.setScale(3);
        BigDecimal it = BigDecimal.ZERO.setScale(3);
        int months = 0;
        YearMonth racksMonth = null;
        Integer racks = null;
        for (Object[] r : reports) {
            YearMonth period = (YearMonth) r[0];
            if (inside(window, period)) {
                facility = facility.add((BigDecimal) r[1]);
                it = it.add((BigDecimal) r[2]);
                months++;
                if (r[3] != null && (racksMonth == null || period.isAfter(racksMonth))) {
                    racksMonth = period;
                    racks = (Integer) r[3];
                }
            }
        }
        return facility.setScale(3) + " / " + it.setScale(3) + " / " + months + " months / racks " + racks
                + (withRacksMonth ? " of " + (racksMonth == null ? null : racksMonth.atDay(1)) : "");
    }

    /** A window's sums of these sites as a source gives them. */
    private Map<String, String> sums(WindowTotals.Source source, List<String> sites) {
        List<Object> params = new ArrayList<>(source.params());
        params.addAll(sites);
        Map<String, String> sums = new TreeMap<>();
        jdbc.query(
                "SELECT d.code, " + source.facilityKwh() + ", " + source.itKwh() + ", " + source.months() + ", "
                        + source.racksInUse() + " FROM data_center d " + source.joins("d.id") + " WHERE d.code IN ("
                        + Jdbc.placeholders(sites.size()) + ")",
                params,
                rs -> sums.put(
                        rs.getString(1),
                        rs.getBigDecimal(2) + " / " + rs.getBigDecimal(3) + " / " + rs.getObject(4) + " months / racks "
                                + rs.getObject(5)));
        return sums;
    }

    private List<YearMonth> windows(List<String> sites) {
        List<YearMonth> windows = new ArrayList<>();
        jdbc.query(
                "SELECT t.last_period FROM energy_window_total t JOIN data_center d ON d.id = t.data_center_id"
                        + " WHERE d.code IN (" + Jdbc.placeholders(sites.size()) + ")",
                sites,
                rs -> {
                    LocalDate last = rs.getObject(1, LocalDate.class);
                    windows.add(last == null ? null : YearMonth.from(last));
                });
        return windows;
    }

    private ClosureWindow window() {
        return ClosureWindow.endingOnOrBefore(LocalDate.now(clock));
    }

    private static Figures randomFigures(SplittableRandom random) {
        BigDecimal it =
                BigDecimal.valueOf(50_000 + random.nextInt(50_000), 0).add(BigDecimal.valueOf(random.nextInt(1000), 3));
        BigDecimal facility =
                it.multiply(BigDecimal.valueOf(110 + random.nextInt(80), 2)).setScale(3, RoundingMode.HALF_UP);
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

    private static boolean inside(ClosureWindow window, YearMonth month) {
        return !month.isBefore(window.first()) && !month.isAfter(window.last());
    }
}
