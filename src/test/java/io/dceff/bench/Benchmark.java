package io.dceff.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dceff.platform.embedded.EmbeddedMariaDb;
import io.dceff.support.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;

/**
 * The benchmark of issue 9: the packaged service against the same MariaDB used directly, side by side in
 * one run. Run it with {@code mvn -B verify -Pbench -DskipTests} (settings: see {@link Settings}).
 * Results go to target/bench/results.json and results.md.
 */
public final class Benchmark {

    /** Every setting is a system property {@code bench.<name>}. */
    record Settings(int dataCenters, int months, int stations, int carriers, long seed, int ingestClients,
            int loadClients, double loadSeconds, int repetitions, double soakSeconds, int soakRate, String bufferPool,
            String heap, Path out, String externalUrl, String externalUser, String externalPassword) {

        static Settings fromSystemProperties() {
            return new Settings(intOf("dataCenters", 100_000), intOf("months", 24), intOf("stations", 1_000_000),
                    intOf("carriers", 10), Long.getLong("bench.seed", 20261126L), intOf("ingestClients", 4),
                    intOf("loadClients", 16), doubleOf("loadSeconds", 20), intOf("repetitions", 9),
                    doubleOf("soakSeconds", 120), intOf("soakRate", 100), System.getProperty("bench.bufferPool", "1G"),
                    System.getProperty("bench.heap", "512m"), Path.of(System.getProperty("bench.out", "target/bench")),
                    System.getenv("BENCH_JDBC_URL"), System.getenv().getOrDefault("BENCH_JDBC_USER", "root"),
                    System.getenv().getOrDefault("BENCH_JDBC_PASSWORD", ""));
        }

        private static int intOf(String name, int fallback) {
            return Integer.getInteger("bench." + name, fallback);
        }

        private static double doubleOf(String name, double fallback) {
            return Double.parseDouble(System.getProperty("bench." + name, Double.toString(fallback)));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Settings settings;
    private final SyntheticData data;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(8)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Long> serviceIds = new HashMap<>();
    private final Map<String, Long> rawIds = new HashMap<>();

    private EmbeddedMariaDb embedded;
    private String serviceUrl;
    private String rawUrl;
    private String user;
    private String password;
    private Process service;
    private String base;
    private MemorySampler memory;

    Benchmark(Settings settings) {
        this.settings = settings;
        this.data = new SyntheticData(settings.seed(), settings.dataCenters(), settings.months(), settings.stations(),
                settings.carriers(), YearMonth.of(2026, 10));
    }

    public static void main(String[] args) throws Exception {
        new Benchmark(Settings.fromSystemProperties()).run();
    }

    Map<String, Object> run() throws Exception {
        Files.createDirectories(settings.out());
        Instant started = Instant.now();
        results.put("date", LocalDate.now().toString());
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "memoryGiB",
                Math.round(memTotalKb() / 1024.0 / 1024.0 * 10) / 10.0, "java", System.getProperty("java.version")));
        results.put("scale", Map.of("dataCenters", data.dataCenters, "months", data.months,
                "reports", (long) data.dataCenters * data.months, "baseStations", data.stations, "seed", settings.seed()));
        try {
            startDatabase();
            startService();
            progress("registry");
            seedRegistry();
            progress("report ingest");
            reportIngest();
            progress("base-station ingest");
            stationIngest();
            progress("closure candidates");
            closureCandidates();
            progress("concurrent load");
            concurrentLoad();
            progress("soak");
            soak();
        } catch (Exception | AssertionError e) {
            results.put("error", e.toString());
            throw e;
        } finally {
            if (memory != null) {
                memory.stop();
                results.put("memory", memory.summary(service));
                table.add(new String[] {"Service peak heap used", mb(memory.peakHeap()) + " MB", "limit " + settings.heap(),
                        "≤ 512 MB", memory.peakHeap() <= 512L * 1024 * 1024 ? "met" : "missed"});
                table.add(new String[] {"Service peak resident memory", mb(memory.peakRss()) + " MB", "", "", ""});
            }
            results.put("minutes", Math.round(Duration.between(started, Instant.now()).toSeconds() / 6.0) / 10.0);
            stopService();
            if (embedded != null) {
                embedded.destroy();
            }
            write();
            http.executor().ifPresent(e -> ((ExecutorService) e).shutdownNow());
        }
        return results;
    }

    private void progress(String phase) {
        System.out.printf("[bench] %s %s%n", java.time.LocalTime.now().withNano(0), phase);
    }

    // ---- set-up -------------------------------------------------------------------------------------

    private void startDatabase() throws SQLException {
        String server;
        if (settings.externalUrl() != null) {
            server = settings.externalUrl().replaceFirst("/[^/?]*(\\?.*)?$", "");
            user = settings.externalUser();
            password = settings.externalPassword();
        } else {
            Path dir = settings.out().resolve("db");
            deleteQuietly(dir);
            embedded = new EmbeddedMariaDb(Path.of("target", "embedded-mariadb", "base"), dir.resolve("data"), "bench",
                    0, settings.bufferPool());
            embedded.start();
            server = "jdbc:mariadb://127.0.0.1:" + embedded.port();
            user = embedded.username();
            password = embedded.password();
        }
        try (Connection c = connect(server + "/"); Statement s = c.createStatement()) {
            for (String db : List.of("dceff_bench", "dceff_raw")) {
                s.execute("DROP DATABASE IF EXISTS " + db);
                s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }
        serviceUrl = server + "/dceff_bench";
        rawUrl = server + "/dceff_raw";
        Flyway.configure().dataSource(rawUrl, user, password).locations("filesystem:src/main/resources/db/migration")
                .load().migrate();
        results.put("database", embedded != null ? "embedded MariaDB 11.4, buffer pool " + settings.bufferPool()
                : "external " + server);
    }

    private void startService() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + settings.heap()));
        if (Boolean.getBoolean("bench.jfr")) {
            command.add("-XX:StartFlightRecording=filename=" + settings.out().resolve("service.jfr") + ",settings=profile");
        }
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(settings.out().resolve("service.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", serviceUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", user);
        env.put("QUARKUS_DATASOURCE_PASSWORD", password);
        env.put("DCEFF_SECURITY_ALLOW_DEV_KEY", "true");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("DCEFF_JOBS_REMINDERS_CRON", "off");
        service = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service stopped; see " + settings.out().resolve("service.log"));
            }
            try {
                if (get("/q/health/ready", null).statusCode() == 200) {
                    memory = new MemorySampler(http, base, service.pid());
                    memory.start();
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service was not ready within 3 minutes");
    }

    private void stopService() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    /** Organizations, data centers and their OPERATING status, in both databases (not measured). */
    private void seedRegistry() throws SQLException {
        long t0 = System.nanoTime();
        for (String url : List.of(serviceUrl, rawUrl)) {
            try (Connection c = connect(url)) {
                c.setAutoCommit(false);
                try (PreparedStatement org = c.prepareStatement("INSERT INTO organization (code, name, kind, credit_code, "
                        + "created_by) VALUES (?, ?, ?, ?, 'bench')")) {
                    for (int i = 0; i < data.operators(); i++) {
                        addOrganization(org, SyntheticData.operatorCode(i), "OPERATOR", i);
                    }
                    for (int i = 0; i < data.carriers; i++) {
                        addOrganization(org, SyntheticData.carrierCode(i), "CARRIER", 900_000 + i);
                    }
                    org.executeBatch();
                }
                try (PreparedStatement dc = c.prepareStatement("INSERT INTO data_center (code, name, operator_code, "
                        + "district_code, racks, commissioned_on, status) VALUES (?, ?, ?, ?, ?, ?, 'OPERATING')")) {
                    for (int i = 0; i < data.dataCenters; i++) {
                        SyntheticData.Site site = data.site(i);
                        dc.setString(1, site.code());
                        dc.setString(2, "Data center " + site.code());
                        dc.setString(3, site.operator());
                        dc.setString(4, site.district());
                        dc.setInt(5, site.racks());
                        dc.setDate(6, Date.valueOf(site.commissionedOn()));
                        dc.addBatch();
                        if (i % 1000 == 999) {
                            dc.executeBatch();
                        }
                    }
                    dc.executeBatch();
                }
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO data_center_status_change (data_center_id, from_status, to_status, "
                            + "effective_on, changed_by) SELECT id, NULL, 'OPERATING', commissioned_on, 'bench' "
                            + "FROM data_center");
                }
                c.commit();
                Map<String, Long> ids = url.equals(serviceUrl) ? serviceIds : rawIds;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code, id FROM data_center")) {
                    while (rs.next()) {
                        ids.put(rs.getString(1), rs.getLong(2));
                    }
                }
                c.commit();
            }
        }
        results.put("setupSeconds", seconds(t0));
    }

    private static void addOrganization(PreparedStatement ps, String code, String kind, int n) throws SQLException {
        ps.setString(1, code);
        ps.setString(2, "Benchmark " + code);
        ps.setString(3, kind);
        ps.setString(4, String.format("91310000%010d", n));
        ps.addBatch();
    }

    // ---- 1. report ingest ------------------------------------------------------------------------------

    private void reportIngest() throws Exception {
        int rounds = Math.min(3, data.months);
        List<Double> service = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        int from = 0;
        for (int round = 0; round < rounds; round++) {
            int to = data.months * (round + 1) / rounds;
            int first = from;
            long rows = (long) data.dataCenters * (to - from);
            double rawSeconds = parallel(data.operators(), op -> rawReports(op, first, to));
            double serviceSeconds = parallel(data.operators(), op -> postReports(op, first, to));
            raw.add(rows / rawSeconds);
            service.add(rows / serviceSeconds);
            ratios.add(rawSeconds / serviceSeconds);
            from = to;
        }
        long stored = count(serviceUrl, "SELECT COUNT(*) FROM energy_report");
        if (stored != (long) data.dataCenters * data.months) {
            throw new AssertionError("the service stored " + stored + " reports");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rounds", rounds);
        r.put("batchRows", SyntheticData.DATA_CENTERS_PER_OPERATOR * (data.months / rounds));
        r.put("clients", settings.ingestClients());
        r.put("serviceRowsPerSecond", service);
        r.put("rawRowsPerSecond", raw);
        r.put("ratios", ratios);
        r.put("medianRatio", median(ratios));
        results.put("reportIngest", r);
        table.add(new String[] {"Report ingest (" + settings.ingestClients() + " clients, CSV batches of "
                + r.get("batchRows") + ")", Math.round(median(service)) + " rows/s", Math.round(median(raw)) + " rows/s raw",
                "≥ 50% of raw", pct(median(ratios)) + (median(ratios) >= 0.5 ? " met" : " missed")});
    }

    private void rawReports(int operator, int fromMonth, int toMonth) throws SQLException {
        String columns = "data_center_id, period, revision, facility_kwh, it_kwh, quality_flags, submitted_at, submitted_by";
        try (Connection c = connect(rawUrl);
                PreparedStatement report = c.prepareStatement("INSERT INTO energy_report (" + columns
                        + ") VALUES (?, ?, 1, ?, ?, '', ?, 'bench')");
                PreparedStatement revision = c.prepareStatement("INSERT INTO energy_report_revision (" + columns
                        + ") VALUES (?, ?, 1, ?, ?, '', ?, 'bench')")) {
            c.setAutoCommit(false);
            Timestamp now = new Timestamp(System.currentTimeMillis());
            forOperator(operator, site -> {
                for (int m = fromMonth; m < toMonth; m++) {
                    SyntheticData.Report r = data.report(site, m);
                    for (PreparedStatement ps : List.of(report, revision)) {
                        ps.setLong(1, rawIds.get(r.dataCenter()));
                        ps.setDate(2, Date.valueOf(r.period().atDay(1)));
                        ps.setLong(3, r.facilityKwh());
                        ps.setLong(4, r.itKwh());
                        ps.setTimestamp(5, now);
                        ps.addBatch();
                    }
                }
            });
            report.executeBatch();
            revision.executeBatch();
            c.commit();
        }
    }

    private void postReports(int operator, int fromMonth, int toMonth) throws Exception {
        StringBuilder csv = new StringBuilder("dataCenterCode,period,facilityKwh,itKwh\n");
        forOperator(operator, site -> {
            for (int m = fromMonth; m < toMonth; m++) {
                SyntheticData.Report r = data.report(site, m);
                csv.append(r.dataCenter()).append(',').append(r.period()).append(',').append(r.facilityKwh()).append(',')
                        .append(r.itKwh()).append('\n');
            }
        });
        HttpResponse<String> answer = post("/api/v1/energy-reports/batch", operatorToken(operator), "text/csv",
                csv.toString());
        if (answer.statusCode() != 201) {
            throw new AssertionError("batch of operator " + operator + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    private interface SiteAction {
        void accept(SyntheticData.Site site) throws SQLException;
    }

    private void forOperator(int operator, SiteAction action) throws SQLException {
        int first = operator * SyntheticData.DATA_CENTERS_PER_OPERATOR;
        int last = Math.min(data.dataCenters, first + SyntheticData.DATA_CENTERS_PER_OPERATOR);
        for (int i = first; i < last; i++) {
            action.accept(data.site(i));
        }
    }

    // ---- 2. base-station ingest -------------------------------------------------------------------------

    private void stationIngest() throws Exception {
        List<Double> service = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        int perCarrier = data.stations / data.carriers;
        for (int carrier = 0; carrier < data.carriers; carrier++) {
            List<SyntheticData.Station> rows = new ArrayList<>(perCarrier);
            for (int i = carrier; i < data.stations; i += data.carriers) {
                rows.add(data.station(i));
            }
            long t0 = System.nanoTime();
            rawStations(rows);
            double rawSeconds = seconds(t0);
            StringBuilder csv = new StringBuilder("siteId,district,technology,builtOn,sharedWith\n");
            for (SyntheticData.Station s : rows) {
                csv.append(s.siteId()).append(',').append(s.district()).append(',').append(s.technology()).append(',')
                        .append(s.builtOn()).append(',').append(s.sharedWith()).append('\n');
            }
            String body = csv.toString();
            long t1 = System.nanoTime();
            HttpResponse<String> answer = post("/api/v1/base-stations/batch",
                    TestTokens.carrier(SyntheticData.carrierCode(carrier)), "text/csv", body);
            double serviceSeconds = seconds(t1);
            if (answer.statusCode() != 200) {
                throw new AssertionError("stations of carrier " + carrier + ": " + answer.statusCode() + " " + answer.body());
            }
            raw.add(rows.size() / rawSeconds);
            service.add(rows.size() / serviceSeconds);
            ratios.add(rawSeconds / serviceSeconds);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("batchRows", perCarrier);
        r.put("batches", data.carriers);
        r.put("serviceRowsPerSecond", service);
        r.put("rawRowsPerSecond", raw);
        r.put("ratios", ratios);
        r.put("medianRatio", median(ratios));
        results.put("stationIngest", r);
        table.add(new String[] {"Base-station ingest (one CSV batch of " + perCarrier + " rows)",
                Math.round(median(service)) + " rows/s", Math.round(median(raw)) + " rows/s raw", "≥ 50% of raw",
                pct(median(ratios)) + (median(ratios) >= 0.5 ? " met" : " missed")});
    }

    private void rawStations(List<SyntheticData.Station> rows) throws SQLException {
        try (Connection c = connect(rawUrl); PreparedStatement ps = c.prepareStatement("INSERT INTO base_station "
                + "(carrier_code, site_id, district_code, technology, built_on, shared_with, shared, reported_at, "
                + "reported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench')")) {
            c.setAutoCommit(false);
            Timestamp now = new Timestamp(System.currentTimeMillis());
            int n = 0;
            for (SyntheticData.Station s : rows) {
                ps.setString(1, s.carrier());
                ps.setString(2, s.siteId());
                ps.setString(3, s.district());
                ps.setString(4, s.technology());
                ps.setDate(5, Date.valueOf(s.builtOn()));
                ps.setString(6, s.sharedWith());
                ps.setBoolean(7, !s.sharedWith().isEmpty());
                ps.setTimestamp(8, now);
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    // ---- 3. closure candidates ----------------------------------------------------------------------

    /** The closure rule (DESIGN.md) as one hand-written query over the same tables. */
    static final String RAW_CLOSURE = "SELECT d.code, d.name, d.operator_code, d.district_code, d.racks, d.commissioned_on,"
            + " w.facility, w.it, w.months, w.facility / w.it AS pue"
            + " FROM data_center d JOIN (SELECT data_center_id, SUM(facility_kwh) facility, SUM(it_kwh) it, COUNT(*) months"
            + "   FROM energy_report WHERE period BETWEEN ? AND ? GROUP BY data_center_id) w ON w.data_center_id = d.id"
            + " WHERE d.status IN ('OPERATING', 'CONSOLIDATING') AND d.racks <= 800"
            + " AND d.commissioned_on <= DATE_SUB(?, INTERVAL 10 YEAR) AND w.facility > 1.7 * w.it"
            + " ORDER BY pue DESC";

    /**
     * Each repetition first corrects one report, so the first call after it computes the rule afresh
     * ("after a write"); the calls that follow may reuse that run ("repeated"), as a regulator paging,
     * exporting or refreshing the dashboard does. The raw query always computes.
     */
    private void closureCandidates() throws Exception {
        String asOf = data.lastMonth.atEndOfMonth().toString();
        String query = "/api/v1/closure-candidates?asOf=" + asOf;
        String regulator = TestTokens.regulator();
        List<Long> afterWrite = new ArrayList<>();
        List<Long> page = new ArrayList<>();
        List<Long> csv = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        int rawCount = 0;
        long csvBytes = 0;
        String total = "";
        for (int i = -2; i < settings.repetitions(); i++) { // two warm-up rounds
            SyntheticData.Site site = data.site(i + 2);
            SyntheticData.Report report = data.report(site, data.months - 1);
            HttpResponse<String> correction = put("/api/v1/data-centers/" + site.code() + "/energy-reports/"
                    + report.period(), operatorToken(site.index() / SyntheticData.DATA_CENTERS_PER_OPERATOR),
                    "{\"period\":\"" + report.period() + "\",\"facilityKwh\":" + (report.facilityKwh() + 1)
                            + ",\"itKwh\":" + report.itKwh() + "}");
            if (correction.statusCode() != 200) {
                throw new AssertionError("correction: " + correction.statusCode() + " " + correction.body());
            }
            long t0 = System.nanoTime();
            HttpResponse<String> fresh = get(query + "&size=50", regulator);
            long t1 = System.nanoTime();
            HttpResponse<String> first = get(query + "&size=50", regulator);
            long t2 = System.nanoTime();
            HttpResponse<String> all = get(query, regulator, "text/csv");
            long t3 = System.nanoTime();
            rawCount = rawClosure(data.lastMonth.minusMonths(11).atDay(1), data.lastMonth.atDay(1),
                    data.lastMonth.atEndOfMonth());
            long t4 = System.nanoTime();
            if (fresh.statusCode() != 200 || first.statusCode() != 200 || all.statusCode() != 200) {
                throw new AssertionError("closure candidates: " + first.statusCode() + "/" + all.statusCode());
            }
            if (i >= 0) {
                afterWrite.add(t1 - t0);
                page.add(t2 - t1);
                csv.add(t3 - t2);
                raw.add(t4 - t3);
            }
            csvBytes = all.body().length();
            total = JSON.readTree(first.body()).path("total").asText();
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("asOf", asOf);
        r.put("candidatesByService", total);
        r.put("candidatesByRawQuery", rawCount);
        r.put("csvBytes", csvBytes);
        r.put("repetitions", settings.repetitions());
        r.put("firstPageAfterWriteMs", stats(afterWrite));
        r.put("firstPageRepeatedMs", stats(page));
        r.put("csvExportRepeatedMs", stats(csv));
        r.put("rawQueryMs", stats(raw));
        double freshRatio = ms(median(afterWrite)) / ms(median(raw));
        double pageRatio = ms(median(page)) / ms(median(raw));
        double csvRatio = ms(median(csv)) / ms(median(raw));
        r.put("firstPageAfterWriteOverRaw", freshRatio);
        r.put("firstPageRepeatedOverRaw", pageRatio);
        r.put("csvRepeatedOverRaw", csvRatio);
        results.put("closureCandidates", r);
        String goal = "≤ 2× raw, < 1 s";
        table.add(new String[] {"Closure candidates, first page after a write (" + total + " candidates)",
                fmt(ms(median(afterWrite))) + " ms median, " + fmt(ms(percentile(afterWrite, 95))) + " p95",
                fmt(ms(median(raw))) + " ms raw median", goal, verdict(freshRatio, median(afterWrite))});
        table.add(new String[] {"Closure candidates, first page repeated", fmt(ms(median(page))) + " ms median, "
                + fmt(ms(percentile(page, 95))) + " p95", fmt(ms(median(raw))) + " ms raw median", goal,
                verdict(pageRatio, median(page))});
        table.add(new String[] {"Closure candidates, full CSV export repeated", fmt(ms(median(csv))) + " ms median, "
                + fmt(ms(percentile(csv, 95))) + " p95", fmt(ms(median(raw))) + " ms raw median", goal,
                verdict(csvRatio, median(csv))});
    }

    private static String verdict(double ratio, double medianNanos) {
        return fmt(ratio) + "×" + (ratio <= 2 && ms(medianNanos) < 1000 ? " met" : ratio <= 2 ? " (ratio met, over 1 s)"
                : " missed");
    }

    private int rawClosure(LocalDate first, LocalDate last, LocalDate asOf) throws SQLException {
        try (Connection c = connect(serviceUrl); PreparedStatement ps = c.prepareStatement(RAW_CLOSURE)) {
            ps.setDate(1, Date.valueOf(first));
            ps.setDate(2, Date.valueOf(last));
            ps.setDate(3, Date.valueOf(asOf));
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                    rs.getBigDecimal(10);
                    n++;
                }
            }
            return n;
        }
    }

    // ---- 4. concurrent load ---------------------------------------------------------------------------

    private void concurrentLoad() throws Exception {
        int clients = settings.loadClients();
        LoadGenerator.Result pue = LoadGenerator.run(clients, settings.loadSeconds(), seq -> {
            SyntheticData.Site site = data.site((int) ((seq * 7919) % data.dataCenters));
            return get("/api/v1/data-centers/" + site.code() + "/pue", operatorToken(site.index()
                    / SyntheticData.DATA_CENTERS_PER_OPERATOR)).statusCode();
        });
        AtomicLong next = new AtomicLong();
        LoadGenerator.Result single = LoadGenerator.run(clients, settings.loadSeconds(), seq -> {
            long n = next.getAndIncrement();
            SyntheticData.Site site = data.site((int) (n % data.dataCenters));
            YearMonth period = extraMonth(n / data.dataCenters);
            String body = "{\"period\":\"" + period + "\",\"facilityKwh\":" + (150_000 + n % 1000)
                    + ",\"itKwh\":100000}";
            return post("/api/v1/data-centers/" + site.code() + "/energy-reports",
                    operatorToken(site.index() / SyntheticData.DATA_CENTERS_PER_OPERATOR), "application/json", body)
                    .statusCode();
        });
        results.put("pueTrend", pue);
        results.put("singleReportPost", single);
        table.add(new String[] {"PUE trend of one data center (" + clients + " clients)", fmt(pue.medianMs()) + " ms median, "
                + fmt(pue.p99Ms()) + " ms p99", Math.round(pue.perSecond()) + " req/s", "", statusesOk(pue, 200)});
        table.add(new String[] {"Single report POST (" + clients + " clients)", fmt(single.medianMs()) + " ms median, "
                + fmt(single.p99Ms()) + " ms p99", Math.round(single.perSecond()) + " req/s", "p99 < 50 ms",
                (single.p99Ms() < 50 ? "met" : "missed") + "; " + statusesOk(single, 201)});
    }

    /** The k-th month a site has no report for yet: this month (not in the future), then months before the data. */
    private YearMonth extraMonth(long k) {
        return k == 0 ? data.lastMonth.plusMonths(1) : data.firstMonth().minusMonths(k);
    }

    private static String statusesOk(LoadGenerator.Result r, int expected) {
        return r.statuses().keySet().stream().allMatch(s -> s == expected) ? "all " + expected : "statuses " + r.statuses();
    }

    // ---- 5. soak --------------------------------------------------------------------------------------

    /** A steady mix at a fixed rate: reads of trends and data centers, some report submissions. */
    private void soak() throws Exception {
        if (settings.soakSeconds() <= 0) {
            return;
        }
        long heapBefore = memory.heapNow();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(32);
        AtomicLong seq = new AtomicLong();
        AtomicLong reportSeq = new AtomicLong();
        long periodMicros = 1_000_000L / settings.soakRate();
        ticker.scheduleAtFixedRate(() -> workers.submit(() -> {
            long n = seq.getAndIncrement();
            long t0 = System.nanoTime();
            int status;
            try {
                SyntheticData.Site site = data.site((int) ((n * 7919) % data.dataCenters));
                String token = operatorToken(site.index() / SyntheticData.DATA_CENTERS_PER_OPERATOR);
                if (n % 5 == 0) {
                    long k = reportSeq.getAndIncrement();
                    SyntheticData.Site target = data.site((int) (k % data.dataCenters));
                    YearMonth period = extraMonth(12 + k / data.dataCenters);
                    status = post("/api/v1/data-centers/" + target.code() + "/energy-reports",
                            operatorToken(target.index() / SyntheticData.DATA_CENTERS_PER_OPERATOR), "application/json",
                            "{\"period\":\"" + period + "\",\"facilityKwh\":150000,\"itKwh\":100000}").statusCode();
                } else if (n % 2 == 0) {
                    status = get("/api/v1/data-centers/" + site.code() + "/pue", token).statusCode();
                } else {
                    status = get("/api/v1/data-centers/" + site.code(), token).statusCode();
                }
            } catch (Exception e) {
                status = -1;
            }
            latencies.add(System.nanoTime() - t0);
            statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
        }), 0, periodMicros, TimeUnit.MICROSECONDS);
        Thread.sleep((long) (settings.soakSeconds() * 1000));
        ticker.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.get()));
        long errors = counts.entrySet().stream().filter(e -> e.getKey() < 200 || e.getKey() >= 300)
                .mapToLong(Map.Entry::getValue).sum();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seconds", settings.soakSeconds());
        r.put("ratePerSecond", settings.soakRate());
        r.put("requests", sorted.length);
        r.put("statuses", counts);
        r.put("errors", errors);
        r.put("medianMs", LoadGenerator.percentile(sorted, 50));
        r.put("p99Ms", LoadGenerator.percentile(sorted, 99));
        r.put("heapBeforeMB", mb(heapBefore));
        r.put("heapAfterMB", mb(memory.heapNow()));
        results.put("soak", r);
        table.add(new String[] {"Soak: " + Math.round(settings.soakSeconds()) + " s at " + settings.soakRate() + " req/s",
                sorted.length + " requests, " + errors + " errors", fmt(LoadGenerator.percentile(sorted, 99)) + " ms p99",
                "no errors", errors == 0 ? "met" : "missed"});
    }

    // ---- plumbing ---------------------------------------------------------------------------------------

    private interface OperatorWork {
        void run(int operator) throws Exception;
    }

    /** Runs the work of every operator on the ingest clients; the seconds it took. */
    private double parallel(int operators, OperatorWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(settings.ingestClients());
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<Object>> futures = new ArrayList<>();
        for (int c = 0; c < settings.ingestClients(); c++) {
            futures.add(pool.submit(() -> {
                for (int op = next.getAndIncrement(); op < operators; op = next.getAndIncrement()) {
                    work.run(op);
                }
                return null;
            }));
        }
        for (Future<Object> f : futures) {
            f.get();
        }
        pool.shutdown();
        return seconds(t0);
    }

    private String operatorToken(int operator) {
        return tokens.computeIfAbsent(SyntheticData.operatorCode(operator), TestTokens::operator);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return get(path, token, "application/json");
    }

    private HttpResponse<String> get(String path, String token, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Accept", accept).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String token, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String type, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The driver itself, not DriverManager: under exec:java the driver sits in another class loader. */
    private Connection connect(String url) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return new org.mariadb.jdbc.Driver().connect(url, properties);
    }

    private long count(String url, String sql) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void write() throws IOException {
        results.put("table", table);
        Files.writeString(settings.out().resolve("results.json"), JSON.writeValueAsString(results));
        StringBuilder md = new StringBuilder("| Measure | dceff | Raw MariaDB / rate | Goal | Ratio / outcome |\n"
                + "|---|---|---|---|---|\n");
        for (String[] row : table) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        Files.writeString(settings.out().resolve("results.md"), md.toString());
        System.out.println();
        System.out.println(md);
        System.out.println("Written to " + settings.out().resolve("results.json") + " and results.md");
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static Map<String, Double> stats(List<Long> nanos) {
        return Map.of("median", ms(median(nanos)), "p95", ms(percentile(nanos, 95)), "min",
                ms(nanos.stream().mapToLong(Long::longValue).min().orElse(0)));
    }

    private static double median(List<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double percentile(List<Long> values, double p) {
        return LoadGenerator.percentile(values.stream().mapToLong(Long::longValue).sorted().toArray(), p) * 1e6;
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }

    private static String fmt(double value) {
        return String.format("%.1f", value);
    }

    private static String pct(double ratio) {
        return Math.round(ratio * 100) + "%";
    }

    static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a fresh directory is made anyway
        }
    }

    private static long memTotalKb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }
}
