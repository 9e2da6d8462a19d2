package io.dceff.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dceff.platform.embedded.EmbeddedMariaDb;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.reporting.service.WindowTotals;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
    /**
     * @param batchMonths months per ingest round: each round is one CSV batch per operator of its 100 sites ×
     *        this many months, so the rounds are the months split in slices (24 / 6 = 4 rounds of 600-row batches)
     * @param maxForeignCpu the share of the machine's CPU other processes may use while a round runs; a round
     *        over it is discarded (and the next slice of months measured instead)
     * @param heapSearch -Xmx sizes tried at the end, smallest first: the service restarted with each on the same
     *        data and the heaviest work repeated; the first that passes is the smallest passing heap (empty: none)
     * @param stationBatch most rows in one base-station batch of the service: a carrier with more stations sends
     *        several batches one after another (the API takes at most 200,000 rows a batch)
     */
    record Settings(
            int dataCenters,
            int months,
            int stations,
            int carriers,
            long seed,
            int ingestClients,
            int loadClients,
            double loadSeconds,
            int repetitions,
            double soakSeconds,
            int soakRate,
            String bufferPool,
            String heap,
            Path out,
            String externalUrl,
            String externalUser,
            String externalPassword,
            int batchMonths,
            double maxForeignCpu,
            String heapSearch,
            int stationBatch) {

        static Settings fromSystemProperties() {
            return new Settings(
                    intOf("dataCenters", 100_000),
                    intOf("months", 24),
                    intOf("stations", 1_000_000),
                    intOf("carriers", 10),
                    Long.getLong("bench.seed", 20261126L),
                    intOf("ingestClients", 4),
                    intOf("loadClients", 16),
                    doubleOf("loadSeconds", 20),
                    intOf("repetitions", 9),
                    doubleOf("soakSeconds", 120),
                    intOf("soakRate", 100),
                    System.getProperty("bench.bufferPool", "1G"),
                    System.getProperty("bench.heap", "512m"),
                    Path.of(System.getProperty("bench.out", "target/bench")),
                    System.getenv("BENCH_JDBC_URL"),
                    System.getenv().getOrDefault("BENCH_JDBC_USER", "root"),
                    System.getenv().getOrDefault("BENCH_JDBC_PASSWORD", ""),
                    intOf("batchMonths", 6),
                    doubleOf("maxForeignCpu", 0.25),
                    System.getProperty("bench.heapSearch", "256m,320m,384m"),
                    intOf("stationBatch", 100_000));
        }

        private static int intOf(String name, int fallback) {
            return Integer.getInteger("bench." + name, fallback);
        }

        private static double doubleOf(String name, double fallback) {
            return Double.parseDouble(System.getProperty("bench." + name, Double.toString(fallback)));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The service's time zone (dceff.time-zone): the data ends with the last month of the closure window the service
     * keeps totals for today, so the closure figures are those of today's window, whenever the benchmark runs.
     */
    private static final ZoneId SERVICE_ZONE = ZoneId.of("Asia/Shanghai");

    private final Settings settings;
    private final SyntheticData data;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8))
            .build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Long> serviceIds = new HashMap<>();
    private final Map<String, Long> rawIds = new HashMap<>();
    private final Map<RawMethod, List<Connection>> rawConnections = new java.util.EnumMap<>(RawMethod.class);
    /** Months not in the data, handed out to single report POSTs so they never collide. */
    private final AtomicLong extraReports = new AtomicLong();

    private EmbeddedMariaDb embedded;
    private String serviceUrl;
    private String rawUrl;
    private String server;
    private String user;
    private String password;
    private Process service;
    private String base;
    private MemorySampler memory;
    private CpuMeter cpu;
    private long databasePid;

    Benchmark(Settings settings) {
        this.settings = settings;
        this.data = new SyntheticData(
                settings.seed(),
                settings.dataCenters(),
                settings.months(),
                settings.stations(),
                settings.carriers(),
                WindowTotals.keptLast(LocalDate.now(SERVICE_ZONE)));
    }

    public static void main(String[] args) throws Exception {
        new Benchmark(Settings.fromSystemProperties()).run();
    }

    Map<String, Object> run() throws Exception {
        Files.createDirectories(settings.out());
        Instant started = Instant.now();
        results.put("date", LocalDate.now().toString());
        results.put(
                "machine",
                Map.of(
                        "cores",
                        Runtime.getRuntime().availableProcessors(),
                        "memoryGiB",
                        Math.round(memTotalKb() / 1024.0 / 1024.0 * 10) / 10.0,
                        "java",
                        System.getProperty("java.version")));
        results.put(
                "scale",
                Map.of(
                        "dataCenters",
                        data.dataCenters,
                        "months",
                        data.months,
                        "reports",
                        (long) data.dataCenters * data.months,
                        "baseStations",
                        data.stations,
                        "seed",
                        settings.seed()));
        try {
            startDatabase();
            startService(settings.heap(), "service");
            progress("registry");
            seedRegistry();
            progress("report ingest");
            reportIngest();
            progress("base-station ingest");
            stationIngest();
            progress("sharing rates");
            sharingRates();
            progress("closure candidates");
            closureCandidates();
            progress("concurrent load");
            concurrentLoad();
            progress("soak");
            soak();
            progress("memory");
            memory();
            stopService();
            heapSearch();
        } catch (Exception | AssertionError e) {
            results.put("error", e.toString());
            throw e;
        } finally {
            results.put(
                    "minutes",
                    Math.round(Duration.between(started, Instant.now()).toSeconds() / 6.0) / 10.0);
            stopService();
            for (List<Connection> connections : rawConnections.values()) {
                for (Connection c : connections) {
                    try {
                        c.close();
                    } catch (SQLException ignored) {
                        // the server is going away
                    }
                }
            }
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
            embedded = new EmbeddedMariaDb(
                    Path.of("target", "embedded-mariadb", "base"),
                    dir.resolve("data"),
                    "bench",
                    0,
                    settings.bufferPool());
            embedded.start();
            server = "jdbc:mariadb://127.0.0.1:" + embedded.port();
            user = embedded.username();
            password = embedded.password();
        }
        List<String> databases = new ArrayList<>(List.of("dceff_bench"));
        Arrays.stream(RawMethod.values()).forEach(m -> databases.add(m.database()));
        try (Connection c = connect(server + "/");
                Statement s = c.createStatement()) {
            for (String db : databases) {
                s.execute("DROP DATABASE IF EXISTS " + db);
                s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            try (ResultSet rs = s.executeQuery("SELECT @@pid_file")) {
                rs.next();
                databasePid = Long.parseLong(
                        Files.readString(Path.of(rs.getString(1))).trim());
            } catch (IOException | RuntimeException unknown) {
                databasePid = 0; // an external server on another machine: its CPU is not counted
            }
        }
        serviceUrl = server + "/dceff_bench";
        rawUrl = server + "/dceff_raw";
        for (RawMethod method : RawMethod.values()) {
            String url = server + "/" + method.database();
            Flyway.configure()
                    .dataSource(url, user, password)
                    .locations("filesystem:src/main/resources/db/migration")
                    .load()
                    .migrate();
        }
        this.server = server;
        results.put(
                "database",
                embedded != null
                        ? "embedded MariaDB 11.4, buffer pool " + settings.bufferPool()
                        : "external " + server);
    }

    /** @param name the service's log and flight recording are {@code <name>.log} and {@code <name>.jfr} */
    private void startService(String heap, String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        if (Boolean.getBoolean("bench.jfr")) {
            command.add(
                    "-XX:StartFlightRecording=filename=" + settings.out().resolve(name + ".jfr") + ",settings=profile");
        }
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(
                        settings.out().resolve(name + ".log").toFile()));
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
                throw new IllegalStateException(
                        "the service stopped; see " + settings.out().resolve(name + ".log"));
            }
            try {
                if (get("/q/health/ready", null).statusCode() == 200) {
                    memory = new MemorySampler(http, base, service.pid());
                    memory.start();
                    cpu = new CpuMeter(ProcessHandle.current().pid(), service.pid(), databasePid);
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
        if (memory != null) {
            memory.stop();
        }
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
        List<String> urls = new ArrayList<>(List.of(serviceUrl));
        Arrays.stream(RawMethod.values()).forEach(m -> urls.add(server + "/" + m.database()));
        for (String url : urls) {
            try (Connection c = connect(url)) {
                c.setAutoCommit(false);
                try (PreparedStatement org =
                        c.prepareStatement("INSERT INTO organization (code, name, kind, credit_code, "
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
                        dc.setObject(6, site.commissionedOn());
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
                Map<String, Long> ids = new HashMap<>();
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT code, id FROM data_center")) {
                    while (rs.next()) {
                        ids.put(rs.getString(1), rs.getLong(2));
                    }
                }
                c.commit();
                if (url.equals(serviceUrl)) {
                    serviceIds.putAll(ids);
                } else if (rawIds.isEmpty()) {
                    rawIds.putAll(ids);
                } else if (!rawIds.equals(ids)) {
                    throw new AssertionError("the raw databases gave the data centers different ids");
                }
            }
        }
        // the raw side's connections are opened once, before any clock starts, as a pool would keep them
        for (RawMethod method : RawMethod.values()) {
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < method.connections; i++) {
                Connection c = connect(server + "/" + method.database() + "?allowLocalInfile=true");
                c.setAutoCommit(false);
                connections.add(c);
            }
            rawConnections.put(method, connections);
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

    /** The ways the raw side writes rows; the best of them in the same round is the baseline. */
    enum RawMethod {
        BATCH_1("bulk JDBC batches, 1 connection", 1),
        BATCH_4("bulk JDBC batches, 4 connections", 4),
        LOAD_4("LOAD DATA LOCAL INFILE, 4 connections", 4);

        final String label;
        final int connections;

        RawMethod(String label, int connections) {
            this.label = label;
            this.connections = connections;
        }

        /** Each method writes to a database of its own, with the same schema and registry. */
        String database() {
            return switch (this) {
                case BATCH_4 -> "dceff_raw";
                case BATCH_1 -> "dceff_raw_b1";
                case LOAD_4 -> "dceff_raw_load";
            };
        }
    }

    /** One operator's rows of a round, made before any clock starts. */
    private record OperatorRows(long[] ids, LocalDate[] periods, long[] facility, long[] it, String csv, Path file) {}

    /**
     * Rounds of one slice of months each, every method on the same rows in an order that rotates by round,
     * each timed alone with the CPU it took; a round in which other processes held the CPUs is discarded.
     */
    private void reportIngest() throws Exception {
        int slices = (data.months + settings.batchMonths() - 1) / settings.batchMonths();
        List<Map<String, Object>> rounds = new ArrayList<>();
        List<String> order = new ArrayList<>(List.of("SERVICE", "BATCH_4", "LOAD_4", "BATCH_1"));
        LocalDateTime now = LocalDateTime.now();
        for (int slice = 0; slice < slices; slice++) {
            int from = slice * settings.batchMonths();
            int to = Math.min(data.months, from + settings.batchMonths());
            long rows = (long) data.dataCenters * (to - from);
            List<OperatorRows> prepared = prepareReports(slice, from, to);
            Map<String, Object> round = new LinkedHashMap<>();
            round.put("months", (from + 1) + "–" + to);
            round.put("rows", rows);
            boolean clean = true;
            for (String method : order) {
                CpuMeter.Snapshot before = cpu.snapshot();
                if (method.equals("SERVICE")) {
                    parallel(
                            data.operators(),
                            settings.ingestClients(),
                            (client, op) -> postReports(op, prepared.get(op)));
                } else {
                    RawMethod raw = RawMethod.valueOf(method);
                    List<Connection> connections = rawConnections.get(raw);
                    parallel(
                            data.operators(),
                            raw.connections,
                            (client, op) -> rawReports(raw, connections.get(client), prepared.get(op), now));
                }
                CpuMeter.Usage usage = cpu.between(before, cpu.snapshot());
                Map<String, Object> m = usage.describe(rows);
                m.put("rowsPerSecond", Math.round(rows / usage.seconds()));
                round.put(method, m);
                clean &= usage.foreignShare() <= settings.maxForeignCpu();
            }
            round.put("clean", clean);
            rounds.add(round);
            Collections.rotate(order, 1);
            progress("report ingest round " + (slice + 1)
                    + (clean ? "" : " (discarded: other processes held the CPUs)"));
        }
        long stored = count(serviceUrl, "SELECT COUNT(*) FROM energy_report");
        if (stored != (long) data.dataCenters * data.months) {
            throw new AssertionError("the service stored " + stored + " reports");
        }
        summariseIngest(
                "reportIngest",
                "Report ingest, CSV batches of " + SyntheticData.DATA_CENTERS_PER_OPERATOR + " sites × "
                        + settings.batchMonths() + " months (" + settings.ingestClients() + " clients)",
                rounds);
    }

    /** The rows of every operator for months [from, to): bound values, the service's CSV, and a LOAD DATA file. */
    private List<OperatorRows> prepareReports(int slice, int from, int to) throws IOException {
        Path dir = settings.out().resolve("load");
        Files.createDirectories(dir);
        List<OperatorRows> prepared = new ArrayList<>(data.operators());
        for (int op = 0; op < data.operators(); op++) {
            int first = op * SyntheticData.DATA_CENTERS_PER_OPERATOR;
            int last = Math.min(data.dataCenters, first + SyntheticData.DATA_CENTERS_PER_OPERATOR);
            int n = (last - first) * (to - from);
            long[] ids = new long[n];
            LocalDate[] periods = new LocalDate[n];
            long[] facility = new long[n];
            long[] it = new long[n];
            StringBuilder csv = new StringBuilder("dataCenterCode,period,facilityKwh,itKwh\n");
            StringBuilder file = new StringBuilder();
            int k = 0;
            for (int i = first; i < last; i++) {
                SyntheticData.Site site = data.site(i);
                for (int m = from; m < to; m++, k++) {
                    SyntheticData.Report r = data.report(site, m);
                    ids[k] = rawIds.get(r.dataCenter());
                    periods[k] = r.period().atDay(1);
                    facility[k] = r.facilityKwh();
                    it[k] = r.itKwh();
                    csv.append(r.dataCenter())
                            .append(',')
                            .append(r.period())
                            .append(',')
                            .append(r.facilityKwh())
                            .append(',')
                            .append(r.itKwh())
                            .append('\n');
                    file.append(ids[k])
                            .append(',')
                            .append(periods[k])
                            .append(',')
                            .append(facility[k])
                            .append(',')
                            .append(it[k])
                            .append('\n');
                }
            }
            Path path = dir.resolve("reports-" + slice + "-" + op + ".csv");
            Files.writeString(path, file);
            prepared.add(new OperatorRows(ids, periods, facility, it, csv.toString(), path));
        }
        return prepared;
    }

    /** The same rows as one service batch: the current row and revision 1 of each, in one transaction. */
    private void rawReports(RawMethod method, Connection c, OperatorRows rows, LocalDateTime now) throws SQLException {
        if (method == RawMethod.LOAD_4) {
            try (Statement s = c.createStatement()) {
                for (String table : List.of("energy_report", "energy_report_revision")) {
                    s.execute("LOAD DATA LOCAL INFILE '" + rows.file().toAbsolutePath() + "' INTO TABLE " + table
                            + " FIELDS TERMINATED BY ',' (data_center_id, period, facility_kwh, it_kwh)"
                            + " SET revision = 1, quality_flags = '', submitted_at = NOW(3), submitted_by = 'bench'");
                }
            }
            c.commit();
            return;
        }
        String columns =
                "data_center_id, period, revision, facility_kwh, it_kwh, quality_flags, submitted_at, submitted_by";
        try (PreparedStatement report = c.prepareStatement(
                        "INSERT INTO energy_report (" + columns + ") VALUES (?, ?, 1, ?, ?, '', ?, 'bench')");
                PreparedStatement revision = c.prepareStatement("INSERT INTO energy_report_revision (" + columns
                        + ") VALUES (?, ?, 1, ?, ?, '', ?, 'bench')")) {
            for (PreparedStatement ps : List.of(report, revision)) {
                for (int k = 0; k < rows.ids().length; k++) {
                    ps.setLong(1, rows.ids()[k]);
                    ps.setObject(2, rows.periods()[k]);
                    ps.setLong(3, rows.facility()[k]);
                    ps.setLong(4, rows.it()[k]);
                    ps.setObject(5, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private void postReports(int operator, OperatorRows rows) throws Exception {
        HttpResponse<String> answer =
                post("/api/v1/energy-reports/batch", operatorToken(operator), "text/csv", rows.csv());
        if (answer.statusCode() != 201) {
            throw new AssertionError(
                    "batch of operator " + operator + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    /**
     * Medians, spreads and ratios of ingest rounds: the clean rounds only, unless none was clean (then all, and
     * the figures say so). Every ratio is the service against the best raw method of the same round.
     */
    private void summariseIngest(String key, String label, List<Map<String, Object>> rounds) {
        List<Map<String, Object>> used =
                rounds.stream().filter(r -> Boolean.TRUE.equals(r.get("clean"))).toList();
        boolean loaded = used.isEmpty();
        if (loaded) {
            used = rounds;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rounds", rounds);
        r.put("cleanRounds", loaded ? 0 : used.size());
        r.put("discardedRounds", loaded ? rounds.size() : rounds.size() - used.size());
        List<Double> ratios = new ArrayList<>();
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, Integer> bestCount = new TreeMap<>();
        for (Map<String, Object> round : used) {
            double best = 0;
            String bestMethod = null;
            for (RawMethod m : RawMethod.values()) {
                double rate = rate(round, m.name());
                rates.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(rate);
                if (rate > best) {
                    best = rate;
                    bestMethod = m.name();
                }
            }
            double service = rate(round, "SERVICE");
            rates.computeIfAbsent("SERVICE", k -> new ArrayList<>()).add(service);
            ratios.add(service / best);
            bestCount.merge(bestMethod, 1, Integer::sum);
            round.put("bestRaw", bestMethod);
            round.put("serviceOverBestRaw", Math.round(service / best * 1000) / 1000.0);
        }
        Map<String, Object> medians = new LinkedHashMap<>();
        rates.forEach((m, list) -> medians.put(
                m,
                Map.of(
                        "median",
                        Math.round(median(list)),
                        "min",
                        Math.round(Collections.min(list)),
                        "max",
                        Math.round(Collections.max(list)))));
        r.put("rowsPerSecond", medians);
        r.put("bestRawByRound", bestCount);
        r.put("medianRatio", median(ratios));
        r.put("ratioRange", List.of(Collections.min(ratios), Collections.max(ratios)));
        results.put(key, r);
        String best = bestCount.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElseThrow();
        Map<?, ?> serviceUsage = medianUsage(used, "SERVICE");
        table.add(new String[] {
            label
                    + (loaded
                            ? " — **every round loaded by other processes: not a clean figure**"
                            : ", " + used.size() + " clean rounds of " + rounds.size()),
            Math.round(median(rates.get("SERVICE"))) + " rows/s (" + Math.round(Collections.min(rates.get("SERVICE")))
                    + "–" + Math.round(Collections.max(rates.get("SERVICE"))) + "); CPU µs/row: service "
                    + serviceUsage.get("serviceCpuMicrosPerRow") + ", MariaDB "
                    + serviceUsage.get("databaseCpuMicrosPerRow"),
            "best raw: " + RawMethod.valueOf(best).label + " " + Math.round(median(rates.get(best))) + " rows/s; "
                    + Arrays.stream(RawMethod.values())
                            .filter(m -> !m.name().equals(best))
                            .map(m -> m.label + " " + Math.round(median(rates.get(m.name()))))
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("")
                    + "; MariaDB CPU µs/row (best raw) "
                    + medianUsage(used, best).get("databaseCpuMicrosPerRow"),
            "≥ 60% of the best raw",
            pct(median(ratios)) + " (rounds " + pct(Collections.min(ratios)) + "–" + pct(Collections.max(ratios)) + ")"
                    + (median(ratios) >= 0.6 ? " met" : " missed")
        });
    }

    private static double rate(Map<String, Object> round, String method) {
        return ((Number) ((Map<?, ?>) round.get(method)).get("rowsPerSecond")).doubleValue();
    }

    /** The median of each CPU figure of a method over rounds. */
    private static Map<String, Object> medianUsage(List<Map<String, Object>> rounds, String method) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String field : List.of("serviceCpuMicrosPerRow", "databaseCpuMicrosPerRow", "benchCpuMicrosPerRow")) {
            m.put(
                    field,
                    Math.round(median(rounds.stream()
                            .map(r -> (Number) ((Map<?, ?>) r.get(method)).get(field))
                            .filter(java.util.Objects::nonNull)
                            .toList())));
        }
        return m;
    }

    // ---- 2. base-station ingest -------------------------------------------------------------------------

    /**
     * A round per carrier: the service's CSV batches of the carrier's stations (one, unless it has more than
     * {@code bench.stationBatch}) against each raw method.
     */
    private void stationIngest() throws Exception {
        int perCarrier = data.stations / data.carriers;
        List<Map<String, Object>> rounds = new ArrayList<>();
        List<String> order = new ArrayList<>(List.of("SERVICE", "BATCH_4", "LOAD_4", "BATCH_1"));
        LocalDateTime now = LocalDateTime.now();
        Path dir = settings.out().resolve("load");
        for (int carrier = 0; carrier < data.carriers; carrier++) {
            List<SyntheticData.Station> rows = new ArrayList<>(perCarrier);
            for (int i = carrier; i < data.stations; i += data.carriers) {
                rows.add(data.station(i));
            }
            List<String> bodies = new ArrayList<>();
            for (int from = 0; from < rows.size(); from += settings.stationBatch()) {
                bodies.add(stationCsv(rows.subList(from, Math.min(rows.size(), from + settings.stationBatch()))));
            }
            List<List<SyntheticData.Station>> quarters = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            for (int q = 0; q < 4; q++) {
                List<SyntheticData.Station> part = rows.subList(rows.size() * q / 4, rows.size() * (q + 1) / 4);
                quarters.add(part);
                StringBuilder file = new StringBuilder();
                for (SyntheticData.Station s : part) {
                    file.append(s.carrier())
                            .append(',')
                            .append(s.siteId())
                            .append(',')
                            .append(s.district())
                            .append(',')
                            .append(s.technology())
                            .append(',')
                            .append(s.builtOn())
                            .append(',')
                            .append(s.sharedWith())
                            .append(',')
                            .append(s.sharedWith().isEmpty() ? 0 : 1)
                            .append('\n');
                }
                Path path = dir.resolve("stations-" + carrier + "-" + q + ".csv");
                Files.writeString(path, file);
                files.add(path);
            }
            Map<String, Object> round = new LinkedHashMap<>();
            round.put("carrier", SyntheticData.carrierCode(carrier));
            round.put("rows", rows.size());
            boolean clean = true;
            for (String method : order) {
                CpuMeter.Snapshot before = cpu.snapshot();
                if (method.equals("SERVICE")) {
                    for (String body : bodies) {
                        HttpResponse<String> answer = post(
                                "/api/v1/base-stations/batch",
                                TestTokens.carrier(SyntheticData.carrierCode(carrier)),
                                "text/csv",
                                body);
                        if (answer.statusCode() != 200) {
                            throw new AssertionError("stations of carrier " + carrier + ": " + answer.statusCode() + " "
                                    + answer.body());
                        }
                    }
                } else {
                    RawMethod raw = RawMethod.valueOf(method);
                    List<Connection> connections = rawConnections.get(raw);
                    if (raw == RawMethod.BATCH_1) {
                        rawStations(connections.get(0), rows, now);
                    } else {
                        parallel(4, 4, (client, q) -> {
                            if (raw == RawMethod.LOAD_4) {
                                loadStations(connections.get(client), files.get(q));
                            } else {
                                rawStations(connections.get(client), quarters.get(q), now);
                            }
                        });
                    }
                }
                CpuMeter.Usage usage = cpu.between(before, cpu.snapshot());
                Map<String, Object> m = usage.describe(rows.size());
                m.put("rowsPerSecond", Math.round(rows.size() / usage.seconds()));
                round.put(method, m);
                clean &= usage.foreignShare() <= settings.maxForeignCpu();
            }
            round.put("clean", clean);
            rounds.add(round);
            Collections.rotate(order, 1);
        }
        summariseIngest(
                "stationIngest",
                "Base-station ingest, " + perCarrier + " rows per carrier"
                        + (perCarrier > settings.stationBatch()
                                ? " in CSV batches of " + settings.stationBatch()
                                : " in one CSV batch"),
                rounds);
    }

    private static void rawStations(Connection c, List<SyntheticData.Station> rows, LocalDateTime now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO base_station "
                + "(carrier_code, site_id, district_code, technology, built_on, shared_with, shared, reported_at, "
                + "reported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench')")) {
            int n = 0;
            for (SyntheticData.Station s : rows) {
                ps.setString(1, s.carrier());
                ps.setString(2, s.siteId());
                ps.setString(3, s.district());
                ps.setString(4, s.technology());
                ps.setObject(5, s.builtOn());
                ps.setString(6, s.sharedWith());
                ps.setBoolean(7, !s.sharedWith().isEmpty());
                ps.setObject(8, now);
                ps.addBatch();
                if (++n % Jdbc.CHUNK == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    private static void loadStations(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath() + "' INTO TABLE base_station"
                    + " FIELDS TERMINATED BY ',' (carrier_code, site_id, district_code, technology, built_on, shared_with,"
                    + " shared) SET reported_at = NOW(3), reported_by = 'bench'");
        }
        c.commit();
    }

    // ---- 3. closure candidates ----------------------------------------------------------------------

    /** The closure rule (DESIGN.md) as one hand-written query over the same tables. */
    static final String RAW_CLOSURE =
            "SELECT d.code, d.name, d.operator_code, d.district_code, d.racks, d.commissioned_on,"
                    + " w.facility, w.it, w.months, w.facility / w.it AS pue"
                    + " FROM data_center d JOIN (SELECT data_center_id, SUM(facility_kwh) facility, SUM(it_kwh) it, COUNT(*) months"
                    + "   FROM energy_report WHERE period BETWEEN ? AND ? GROUP BY data_center_id) w ON w.data_center_id = d.id"
                    + " WHERE d.status IN ('OPERATING', 'CONSOLIDATING') AND d.racks <= 800"
                    + " AND d.commissioned_on <= DATE_SUB(?, INTERVAL 10 YEAR) AND w.facility > 1.7 * w.it"
                    + " ORDER BY pue DESC";

    /** Stations as the carriers' CSV upload template has them. */
    private static String stationCsv(List<SyntheticData.Station> stations) {
        StringBuilder csv = new StringBuilder("siteId,district,technology,builtOn,sharedWith\n");
        for (SyntheticData.Station s : stations) {
            csv.append(s.siteId())
                    .append(',')
                    .append(s.district())
                    .append(',')
                    .append(s.technology())
                    .append(',')
                    .append(s.builtOn())
                    .append(',')
                    .append(s.sharedWith())
                    .append('\n');
        }
        return csv.toString();
    }

    /**
     * The sharing rates of new base stations as a regulator asks for them: every built year by district and by
     * carrier, in turn, {@code bench.repetitions} times over; each call's time. The rates are read from the counts
     * kept at ingest (nothing is cached between calls).
     */
    private void sharingRates() throws Exception {
        List<Long> byDistrict = new ArrayList<>();
        List<Long> byCarrier = new ArrayList<>();
        List<Double> loads = new ArrayList<>();
        for (int repetition = 0; repetition < settings.repetitions(); repetition++) {
            for (int year = SyntheticData.FIRST_BUILT_YEAR; year <= SyntheticData.LAST_BUILT_YEAR; year++) {
                for (String groupBy : List.of("district", "carrier")) {
                    long started = System.nanoTime();
                    HttpResponse<String> answer = get(
                            "/api/v1/base-stations/sharing?year=" + year + "&groupBy=" + groupBy,
                            TestTokens.regulator());
                    long took = System.nanoTime() - started;
                    if (answer.statusCode() != 200) {
                        throw new AssertionError("sharing " + year + " by " + groupBy + ": " + answer.statusCode());
                    }
                    (groupBy.equals("district") ? byDistrict : byCarrier).add(took);
                }
            }
            loads.add(CpuMeter.load1());
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("years", SyntheticData.LAST_BUILT_YEAR - SyntheticData.FIRST_BUILT_YEAR + 1);
        r.put("byDistrictMs", msStats(byDistrict));
        r.put("byCarrierMs", msStats(byCarrier));
        r.put("load1", stats(loads));
        results.put("sharingRates", r);
        long slowest = Math.max(percentileNanos(byDistrict, 95), percentileNanos(byCarrier, 95));
        table.add(new String[] {
            "Sharing rates of a year's new base stations, by district / by carrier (" + data.stations
                    + " stations, load average " + fmt(median(loads)) + ")",
            msRange(byDistrict) + " / " + msRange(byCarrier),
            "",
            "< 200 ms",
            slowest / 1e6 < 200
                    ? "met (p95 " + fmt(slowest / 1e6) + " ms)"
                    : "missed (p95 " + fmt(slowest / 1e6) + " ms)"
        });
    }

    /**
     * Each repetition corrects one report (in both databases), then asks: the first page, computed afresh
     * ("after a write"); the same page and the full CSV export again, which reuse that computation ("cached",
     * scored against the first call, not against raw); then, after another correction, the CSV export computed
     * afresh; then the raw query on the raw database, on a connection kept open.
     */
    private void closureCandidates() throws Exception {
        String asOf = data.lastMonth.atEndOfMonth().toString();
        String query = "/api/v1/closure-candidates?asOf=" + asOf;
        String regulator = TestTokens.regulator();
        List<Long> afterWrite = new ArrayList<>();
        List<Long> page = new ArrayList<>();
        List<Long> csv = new ArrayList<>();
        List<Long> csvAfterWrite = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        List<Double> loads = new ArrayList<>();
        int rawCount = 0;
        long csvBytes = 0;
        String total = "";
        Connection rawConnection = rawConnections.get(RawMethod.BATCH_4).get(0);
        LocalDate first = data.lastMonth.minusMonths(11).atDay(1);
        LocalDate last = data.lastMonth.atDay(1);
        LocalDate asOfDate = data.lastMonth.atEndOfMonth();
        results.put("rawClosureExplain", explain(rawConnection, first, last, asOfDate));
        int corrections = 0;
        for (int i = -2; i < settings.repetitions(); i++) { // two warm-up rounds
            correct(corrections++);
            loads.add(CpuMeter.load1());
            long t0 = System.nanoTime();
            HttpResponse<String> fresh = get(query + "&size=50", regulator);
            long t1 = System.nanoTime();
            HttpResponse<String> firstPage = get(query + "&size=50", regulator);
            long t2 = System.nanoTime();
            HttpResponse<String> all = get(query, regulator, "text/csv");
            long t3 = System.nanoTime();
            correct(corrections++);
            long t4 = System.nanoTime();
            HttpResponse<String> freshCsv = get(query, regulator, "text/csv");
            long t5 = System.nanoTime();
            rawCount = rawClosure(rawConnection, first, last, asOfDate);
            long t6 = System.nanoTime();
            if (fresh.statusCode() != 200
                    || firstPage.statusCode() != 200
                    || all.statusCode() != 200
                    || freshCsv.statusCode() != 200) {
                throw new AssertionError("closure candidates: " + fresh.statusCode() + "/" + all.statusCode());
            }
            if (i >= 0) {
                afterWrite.add(t1 - t0);
                page.add(t2 - t1);
                csv.add(t3 - t2);
                csvAfterWrite.add(t5 - t4);
                raw.add(t6 - t5);
            }
            csvBytes = all.body().length();
            total = JSON.readTree(firstPage.body()).path("total").asText();
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("asOf", asOf);
        r.put("candidatesByService", total);
        r.put("candidatesByRawQuery", rawCount);
        r.put("csvBytes", csvBytes);
        r.put("repetitions", settings.repetitions());
        r.put("load1", stats(loads));
        r.put("firstPageAfterWriteMs", msStats(afterWrite));
        r.put("csvAfterWriteMs", msStats(csvAfterWrite));
        r.put("firstPageCachedMs", msStats(page));
        r.put("csvCachedMs", msStats(csv));
        r.put("rawQueryMs", msStats(raw));
        double freshRatio = median(afterWrite) / median(raw);
        r.put("firstPageAfterWriteOverRaw", freshRatio);
        results.put("closureCandidates", r);
        String loadNote = " (load average " + fmt(median(loads)) + ")";
        table.add(new String[] {
            "Closure candidates, first page, first call after a write (" + total + " candidates)" + loadNote,
            msRange(afterWrite),
            "raw query on the raw database " + msRange(raw),
            "< 300 ms and ≤ 0.5× raw",
            fmt(freshRatio) + "×" + (ms(median(afterWrite)) < 300 && freshRatio <= 0.5 ? " met" : " missed")
        });
        table.add(new String[] {
            "Closure candidates, full CSV export (" + csvBytes / 1024 + " KB), first call after a write",
            msRange(csvAfterWrite),
            "",
            "< 500 ms",
            ms(median(csvAfterWrite)) < 500 ? "met" : "missed"
        });
        table.add(new String[] {
            "Closure candidates, first page again (cached run)",
            msRange(page),
            "first call " + fmt(ms(median(afterWrite))) + " ms",
            "—",
            fmt(median(page) / median(afterWrite)) + "× the first call"
        });
        table.add(new String[] {
            "Closure candidates, full CSV export again (cached run)",
            msRange(csv),
            "first call " + fmt(ms(median(csvAfterWrite))) + " ms",
            "< 500 ms",
            fmt(median(csv) / median(csvAfterWrite)) + "× the first call"
        });
    }

    /** Corrects one report of the last month by a kWh, in the service and in the raw database alike. */
    private void correct(int n) throws Exception {
        SyntheticData.Site site = data.site(n % data.dataCenters);
        SyntheticData.Report report = data.report(site, data.months - 1);
        long facility = report.facilityKwh() + 1 + n / data.dataCenters;
        HttpResponse<String> correction = put(
                "/api/v1/data-centers/" + site.code() + "/energy-reports/" + report.period(),
                operatorToken(site.index() / SyntheticData.DATA_CENTERS_PER_OPERATOR),
                "{\"period\":\"" + report.period() + "\",\"facilityKwh\":" + facility + ",\"itKwh\":" + report.itKwh()
                        + "}");
        if (correction.statusCode() != 200) {
            throw new AssertionError("correction: " + correction.statusCode() + " " + correction.body());
        }
        Connection c = rawConnections.get(RawMethod.BATCH_4).get(0);
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE energy_report SET facility_kwh = ?, revision = revision + 1"
                        + " WHERE data_center_id = ? AND period = ?")) {
            ps.setLong(1, facility);
            ps.setLong(2, rawIds.get(site.code()));
            ps.setObject(3, report.period().atDay(1));
            ps.executeUpdate();
        }
        c.commit();
    }

    private static int rawClosure(Connection c, LocalDate first, LocalDate last, LocalDate asOf) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RAW_CLOSURE)) {
            ps.setObject(1, first);
            ps.setObject(2, last);
            ps.setObject(3, asOf);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                    rs.getBigDecimal(10);
                    n++;
                }
            }
            c.commit();
            return n;
        }
    }

    /** The raw query's plan, one line per row of EXPLAIN. */
    private static List<String> explain(Connection c, LocalDate first, LocalDate last, LocalDate asOf)
            throws SQLException {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + RAW_CLOSURE)) {
            ps.setObject(1, first);
            ps.setObject(2, last);
            ps.setObject(3, asOf);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                StringBuilder header = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    header.append(i > 1 ? " | " : "").append(rs.getMetaData().getColumnLabel(i));
                }
                plan.add(header.toString());
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(i > 1 ? " | " : "").append(rs.getString(i));
                    }
                    plan.add(row.toString());
                }
            }
        }
        c.commit();
        return plan;
    }

    private static String msRange(List<Long> nanos) {
        return fmt(ms(median(nanos))) + " ms median (" + fmt(ms(Collections.min(nanos))) + "–"
                + fmt(ms(Collections.max(nanos))) + ")";
    }

    // ---- 4. concurrent load ---------------------------------------------------------------------------

    private void concurrentLoad() throws Exception {
        int clients = settings.loadClients();
        LoadGenerator.Result pue = LoadGenerator.run(clients, settings.loadSeconds(), seq -> {
            SyntheticData.Site site = data.site((int) ((seq * 7919) % data.dataCenters));
            return get(
                            "/api/v1/data-centers/" + site.code() + "/pue",
                            operatorToken(site.index() / SyntheticData.DATA_CENTERS_PER_OPERATOR))
                    .statusCode();
        });
        CpuMeter.Snapshot before = cpu.snapshot();
        LoadGenerator.Result single = LoadGenerator.run(clients, settings.loadSeconds(), seq -> postOneReport());
        CpuMeter.Usage usage = cpu.between(before, cpu.snapshot());
        results.put("pueTrend", pue);
        results.put("singleReportPost", single);
        results.put("singleReportPostCpu", usage.describe(single.calls()));
        table.add(new String[] {
            "PUE trend of one data center (" + clients + " clients)",
            fmt(pue.medianMs()) + " ms median, " + fmt(pue.p99Ms()) + " ms p99",
            Math.round(pue.perSecond()) + " req/s",
            "",
            statusesOk(pue, 200)
        });
        table.add(new String[] {
            "Single report POST (" + clients + " clients, load average " + fmt(usage.load1Before()) + "→"
                    + fmt(usage.load1After()) + ")",
            fmt(single.medianMs()) + " ms median, " + fmt(single.p99Ms()) + " ms p99",
            Math.round(single.perSecond()) + " req/s; CPU share of the machine: load generator "
                    + pct(usage.benchCpu() / usage.seconds() / cores()) + ", service "
                    + pct(usage.serviceCpu() / usage.seconds() / cores()) + ", MariaDB "
                    + pct(usage.databaseCpu() / usage.seconds() / cores()) + ", other processes "
                    + pct(usage.foreignShare()),
            "p99 < 30 ms",
            (single.p99Ms() < 30 ? "met" : "missed")
                    + (usage.foreignShare() > settings.maxForeignCpu()
                            ? " (**taken while other processes held the CPUs**)"
                            : "")
                    + "; " + statusesOk(single, 201)
        });
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** One new report by its operator, for a month no other call uses; its HTTP status. */
    private int postOneReport() throws IOException, InterruptedException {
        long n = extraReports.getAndIncrement();
        SyntheticData.Site site = data.site((int) (n % data.dataCenters));
        YearMonth period = extraMonth(n / data.dataCenters);
        String body = "{\"period\":\"" + period + "\",\"facilityKwh\":" + (150_000 + n % 1000) + ",\"itKwh\":100000}";
        return post(
                        "/api/v1/data-centers/" + site.code() + "/energy-reports",
                        operatorToken(site.index() / SyntheticData.DATA_CENTERS_PER_OPERATOR),
                        "application/json",
                        body)
                .statusCode();
    }

    /**
     * The k-th month a site has no report for yet: the month after the data unless it is in the future (on the last
     * day of a month the data ends with that month), then months before the data.
     */
    private YearMonth extraMonth(long k) {
        boolean after = !data.lastMonth.plusMonths(1).isAfter(YearMonth.now(SERVICE_ZONE));
        if (after) {
            return k == 0 ? data.lastMonth.plusMonths(1) : data.firstMonth().minusMonths(k);
        }
        return data.firstMonth().minusMonths(k + 1);
    }

    private static String statusesOk(LoadGenerator.Result r, int expected) {
        return r.statuses().keySet().stream().allMatch(s -> s == expected)
                ? "all " + expected
                : "statuses " + r.statuses();
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
        long periodMicros = 1_000_000L / settings.soakRate();
        ticker.scheduleAtFixedRate(
                () -> workers.submit(() -> {
                    long n = seq.getAndIncrement();
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        SyntheticData.Site site = data.site((int) ((n * 7919) % data.dataCenters));
                        String token = operatorToken(site.index() / SyntheticData.DATA_CENTERS_PER_OPERATOR);
                        if (n % 5 == 0) {
                            status = postOneReport();
                        } else if (n % 2 == 0) {
                            status = get("/api/v1/data-centers/" + site.code() + "/pue", token)
                                    .statusCode();
                        } else {
                            status = get("/api/v1/data-centers/" + site.code(), token)
                                    .statusCode();
                        }
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencies.add(System.nanoTime() - t0);
                    statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                }),
                0,
                periodMicros,
                TimeUnit.MICROSECONDS);
        Thread.sleep((long) (settings.soakSeconds() * 1000));
        ticker.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.get()));
        long errors = counts.entrySet().stream()
                .filter(e -> e.getKey() < 200 || e.getKey() >= 300)
                .mapToLong(Map.Entry::getValue)
                .sum();
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
        table.add(new String[] {
            "Soak: " + Math.round(settings.soakSeconds()) + " s at " + settings.soakRate() + " req/s",
            sorted.length + " requests, " + errors + " errors",
            fmt(LoadGenerator.percentile(sorted, 99)) + " ms p99",
            "no errors",
            errors == 0 ? "met" : "missed"
        });
    }

    // ---- 6. memory --------------------------------------------------------------------------------------

    /** Peak heap used and resident size over the run, and the live heap: what is left after a full collection. */
    private void memory() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>(memory.summary(service));
        Process gc = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(service.pid()),
                        "GC.run")
                .redirectErrorStream(true)
                .start();
        gc.getInputStream().readAllBytes();
        gc.waitFor(2, TimeUnit.MINUTES);
        long live = memory.heapNow();
        m.put("liveHeapAfterFullGcMB", mb(live));
        results.put("memory", m);
        table.add(new String[] {
            "Service heap: live after a full GC at the end / peak used (sampled)",
            mb(live) + " MB / " + mb(memory.peakHeap()) + " MB",
            "under -Xmx" + settings.heap(),
            "",
            ""
        });
        table.add(new String[] {
            "Service peak resident memory",
            mb(memory.peakRss()) + " MB",
            "",
            "≤ 1 GiB",
            memory.peakRss() <= 1024L * 1024 * 1024 ? "met" : "missed"
        });
    }

    /**
     * The smallest -Xmx of {@code bench.heapSearch} with which the service, restarted on the full data, still does
     * the heaviest work of the benchmark: the closure rule afresh, the full CSV export, a carrier's whole batch of
     * base stations again, and single POSTs at full concurrency — every answer as expected, no OutOfMemoryError.
     */
    private void heapSearch() throws Exception {
        if (settings.heapSearch().isBlank()) {
            return;
        }
        Map<String, Object> tried = new LinkedHashMap<>();
        String smallest = null;
        List<SyntheticData.Station> carrierStations = new ArrayList<>();
        for (int i = 0; i < data.stations; i += data.carriers) {
            carrierStations.add(data.station(i));
        }
        String stations = stationCsv(carrierStations);
        for (String heap : settings.heapSearch().split(",")) {
            progress("heap " + heap);
            String outcome;
            try {
                startService(heap.trim(), "service-heap-" + heap.trim());
                int corrections = 1_000_000;
                correct(corrections++);
                String query = "/api/v1/closure-candidates?asOf=" + data.lastMonth.atEndOfMonth();
                List<Integer> statuses = new ArrayList<>();
                statuses.add(get(query + "&size=50", TestTokens.regulator()).statusCode());
                correct(corrections);
                statuses.add(get(query, TestTokens.regulator(), "text/csv").statusCode());
                statuses.add(post(
                                "/api/v1/base-stations/batch",
                                TestTokens.carrier(SyntheticData.carrierCode(0)),
                                "text/csv",
                                stations)
                        .statusCode());
                LoadGenerator.Result posts = LoadGenerator.run(
                        settings.loadClients(), Math.min(10, settings.loadSeconds()), seq -> postOneReport());
                boolean oom = Files.readString(settings.out().resolve("service-heap-" + heap.trim() + ".log"))
                        .contains("OutOfMemoryError");
                boolean passed = statuses.equals(List.of(200, 200, 200))
                        && posts.statuses().keySet().equals(java.util.Set.of(201))
                        && service.isAlive()
                        && !oom;
                outcome = passed
                        ? "passed"
                        : "failed: " + statuses + " " + posts.statuses() + (oom ? " OutOfMemoryError" : "");
                if (passed && smallest == null) {
                    smallest = heap.trim();
                }
            } catch (Exception e) {
                outcome = "failed: " + e;
            } finally {
                stopService();
            }
            tried.put(heap.trim(), outcome);
            if (smallest != null) {
                break;
            }
        }
        results.put("heapSearch", tried);
        table.add(new String[] {
            "Smallest -Xmx passing the heaviest work (tried " + String.join(", ", tried.keySet()) + ")",
            smallest == null ? "none of them" : smallest,
            "",
            "≤ 384 MB",
            smallest == null ? "missed" : parseMb(smallest) <= 384 ? "met" : "missed"
        });
    }

    private static long parseMb(String heap) {
        String h = heap.toLowerCase();
        long n = Long.parseLong(h.replaceAll("\\D", ""));
        return h.endsWith("g") ? n * 1024 : h.endsWith("k") ? n / 1024 : n;
    }

    // ---- plumbing ---------------------------------------------------------------------------------------

    private interface Work {
        /** One unit of work (an operator's batch, a quarter of a file) on one client (thread, connection). */
        void run(int client, int unit) throws Exception;
    }

    /** Runs units 0 … units-1 on this many clients, each taking the next unit when done; the seconds it took. */
    private static double parallel(int units, int clients, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<Object>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                for (int unit = next.getAndIncrement(); unit < units; unit = next.getAndIncrement()) {
                    work.run(client, unit);
                }
                return null;
            }));
        }
        try {
            for (Future<Object> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return seconds(t0);
    }

    private String operatorToken(int operator) {
        return tokens.computeIfAbsent(SyntheticData.operatorCode(operator), TestTokens::operator);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return get(path, token, "application/json");
    }

    private HttpResponse<String> get(String path, String token, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(2))
                .header("Accept", accept)
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String token, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofMinutes(1))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String type, String body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofMinutes(5))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The driver itself, not DriverManager: under exec:java the driver sits in another class loader. */
    private Connection connect(String url) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return new org.mariadb.jdbc.Driver().connect(url, properties);
    }

    private long count(String url, String sql) throws SQLException {
        try (Connection c = connect(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void write() throws IOException {
        results.put("table", table);
        Files.writeString(settings.out().resolve("results.json"), JSON.writeValueAsString(results));
        StringBuilder md = new StringBuilder(
                "| Measure | dceff | Raw MariaDB / rate | Goal | Ratio / outcome |\n" + "|---|---|---|---|---|\n");
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

    private static Map<String, Double> msStats(List<Long> nanos) {
        return Map.of(
                "median",
                ms(median(nanos)),
                "p95",
                ms(percentile(nanos, 95)),
                "min",
                ms(nanos.stream().mapToLong(Long::longValue).min().orElse(0)),
                "max",
                ms(nanos.stream().mapToLong(Long::longValue).max().orElse(0)));
    }

    private static Map<String, Double> stats(List<Double> values) {
        return Map.of("median", median(values), "min", Collections.min(values), "max", Collections.max(values));
    }

    private static double median(List<? extends Number> values) {
        double[] sorted =
                values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long percentileNanos(List<Long> values, double p) {
        return Math.round(percentile(values, p));
    }

    private static double percentile(List<Long> values, double p) {
        return LoadGenerator.percentile(
                        values.stream().mapToLong(Long::longValue).sorted().toArray(), p)
                * 1e6;
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
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a fresh directory is made anyway
        }
    }

    private static long memTotalKb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }
}
