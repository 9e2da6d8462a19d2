package io.dceff.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.platform.embedded.EmbeddedMariaDb;
import io.dceff.reporting.service.ReportingReminders;
import io.dceff.support.Api;
import io.dceff.support.Replica;
import io.dceff.support.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two packaged replicas of the service on a real 3-node MariaDB Galera cluster (src/test/galera/galera.sh),
 * each on the multi-host URL with its own first node (replica a on n1, replica b on n2), as the manifests
 * describe: a node dies or stops under write load, writes race across nodes, the quorum is lost and
 * re-bootstrapped. Nothing acknowledged is lost or stored twice, and no answer is a 500.
 * Runs in the {@code galera} profile ({@code mvn -B verify -Pgalera}); needs mariadb-server and galera-4.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraClusterIT {

    private static final Path SCRIPT = Path.of("src", "test", "galera", "galera.sh");
    private static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");
    private static final int CLIENTS = 16;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Path dir = Path.of("target", "galera-it-" + run).toAbsolutePath();
    private final Path logs = Path.of("target", "galera-it-logs-" + run).toAbsolutePath();
    private int[] sqlPorts;
    private Replica a;
    private Replica b;
    private final LongAccumulator peakRssKb = new LongAccumulator(Math::max, 0);

    /** What happened to the writes of a load run. */
    private record Load(
            Map<String, Set<YearMonth>> acknowledged,
            Map<Integer, Integer> byStatus,
            int retried,
            Duration pause,
            Duration slowest) {
        int acknowledgedCount() {
            return acknowledged.values().stream().mapToInt(Set::size).sum();
        }
    }

    @BeforeAll
    void startClusterAndReplicas() throws Exception {
        assertThat(Path.of("/usr/sbin/mariadbd"))
                .as("mariadb-server (apt-get install mariadb-server)")
                .exists();
        assertThat(PROVIDER)
                .as("galera-4 (apt-get install mariadb-server brings it)")
                .exists();
        Files.createDirectories(logs);
        Instant started = Instant.now();
        galera("start");
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("cluster.env"))) {
            String[] kv = line.split("=", 2);
            env.put(kv[0], kv[1].replace("\"", ""));
        }
        sqlPorts = Arrays.stream(env.get("SQL_PORTS").split(" "))
                .mapToInt(Integer::parseInt)
                .toArray();
        System.out.printf(
                "Galera cluster up in %d s on ports %s%n",
                Duration.between(started, Instant.now()).toSeconds(), env.get("SQL_PORTS"));
        // one replica migrates first: Flyway's lock is GET_LOCK, which holds on one node only
        Replica first = launch("replica-a", 0, 1, 2);
        awaitTrue("replica-a migrated the schema", Duration.ofMinutes(3), () -> {
            String log = Files.readString(first.log());
            return log.contains("Successfully applied") || log.contains("is up to date");
        });
        Replica second = launch("replica-b", 1, 2, 0);
        a = first.awaitReady();
        b = second.awaitReady();
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (Replica r : new Replica[] {a, b}) {
            if (r != null) {
                r.process().destroy();
                if (!r.process().waitFor(30, TimeUnit.SECONDS)) {
                    r.process().destroyForcibly();
                }
                Files.copy(r.log(), logs.resolve(r.name() + ".log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (int n = 1; n <= 3; n++) {
            Path error = dir.resolve("n" + n).resolve("error.log");
            if (Files.exists(error)) {
                Files.copy(error, logs.resolve("n" + n + "-error.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.printf(
                "Replica peak resident size under the cluster tests: %d MiB (logs in %s)%n",
                peakRssKb.get() / 1024, logs);
        galera("wipe");
    }

    /** For BENCHMARK.md: the same requests on the cluster and on one embedded MariaDB, in the same run. */
    @Test
    @Order(0)
    void ingestRateAndSinglePostLatencyOnTheClusterBesideASingleServer() throws Exception {
        EmbeddedMariaDb single = new EmbeddedMariaDb(
                Path.of("target", "embedded-mariadb", "base"),
                dir.resolveSibling("galera-it-" + run + "-single"),
                "dceff",
                0,
                "128M");
        single.start();
        Replica alone = null;
        try {
            alone = launch("replica-single", single.jdbcUrl(), single.username(), single.password())
                    .awaitReady();
            String cluster = measure(a);
            String server = measure(alone);
            System.out.printf(
                    "Benchmark, same run (load average %s): 3-node Galera cluster: %s; single server: %s%n",
                    Files.readString(Path.of("/proc/loadavg")).trim(), cluster, server);
        } finally {
            if (alone != null) {
                alone.process().destroy();
                alone.process().waitFor(30, TimeUnit.SECONDS);
                Files.copy(alone.log(), logs.resolve("replica-single.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            single.destroy();
        }
    }

    /** 100 single POSTs one after the other (after 20 to warm up), then a 20,000-row CSV batch of base stations. */
    private String measure(Replica replica) throws Exception {
        String operator = organizationOn(replica, "OPERATOR");
        String dc = dataCenterOn(replica, operator, LocalDate.of(1950, 1, 1));
        String token = TestTokens.operator(operator);
        List<Long> micros = new ArrayList<>();
        YearMonth period = YearMonth.of(1950, 1);
        for (int i = 0; i < 120; i++, period = period.plusMonths(1)) {
            long started = System.nanoTime();
            given().port(replica.port())
                    .header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON)
                    .body(month(period.toString(), 1500))
                    .post("/api/v1/data-centers/" + dc + "/energy-reports")
                    .then()
                    .statusCode(201);
            if (i >= 20) {
                micros.add((System.nanoTime() - started) / 1000);
            }
        }
        Collections.sort(micros);
        String carrier = organizationOn(replica, "CARRIER");
        int rows = 20_000;
        StringBuilder csv = new StringBuilder("siteId,district,technology,builtOn,sharedWith\n");
        for (int i = 0; i < rows; i++) {
            csv.append("B-").append(i).append(",310115,5G,2024-05-01,\n");
        }
        long started = System.nanoTime();
        Response batch = given().port(replica.port())
                .header("Authorization", "Bearer " + TestTokens.carrier(carrier))
                .contentType("text/csv")
                .body(csv.toString())
                .post("/api/v1/base-stations/batch");
        assertThat(batch.statusCode()).as(batch.asString()).isBetween(200, 201);
        assertThat(batch.jsonPath().getInt("rows")).isEqualTo(rows);
        double seconds = (System.nanoTime() - started) / 1e9;
        return String.format(
                "single POST median %.1f ms, p95 %.1f ms; %,d-row batch in %.2f s (%,.0f rows/s)",
                micros.get(micros.size() / 2) / 1000.0,
                micros.get(micros.size() * 95 / 100) / 1000.0,
                rows,
                seconds,
                rows / seconds);
    }

    @Test
    @Order(1)
    void theReminderJobRunsOncePerClusterAndItsLeaseSurvivesTheDeathOfItsNode() throws Exception {
        // both replicas tick every second from their start, on different nodes: one run in all
        String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        awaitTrue(
                "a finished reminder run",
                Duration.ofSeconds(60),
                () -> single(
                                1,
                                "SELECT COUNT(*) FROM job_run WHERE job = '" + ReportingReminders.JOB
                                        + "' AND finished_at IS NOT NULL")
                        == 1);
        Thread.sleep(3000); // several more ticks of both replicas
        assertThat(single(2, "SELECT COUNT(*) FROM job_run WHERE job = '" + ReportingReminders.JOB + "'"))
                .isEqualTo(1);
        assertThat(single(2, "SELECT attempts FROM job_run WHERE job = '" + ReportingReminders.JOB + "'"))
                .isEqualTo(1);
        String logs = Files.readString(a.log()) + Files.readString(b.log());
        assertThat(logs.split("data centers reminded", -1))
                .as("one replica ran the job")
                .hasSize(2);

        // a site that never reports, then a run in progress whose lease was written on n1, and n1 dies
        String operator = organization("OPERATOR");
        String silent = dataCenter(operator, LocalDate.of(2010, 3, 1));
        try (Connection c = connect(1);
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE job_run SET instance = 'replica-gone', finished_at = NULL, outcome = NULL, "
                    + "claimed_until = NOW(3) + INTERVAL 6 SECOND WHERE job = '" + ReportingReminders.JOB
                    + "' AND period = '" + period + "'");
        }
        galera("kill", "1");
        Instant killed = Instant.now();
        String reminders = "SELECT COUNT(*) FROM reporting_reminder r JOIN data_center d ON d.id = r.data_center_id"
                + " WHERE d.code = '" + silent + "'";
        // while the lease holds, nobody takes the run over: the lease outlived the node it was written on
        while (Duration.between(killed, Instant.now()).compareTo(Duration.ofSeconds(4)) < 0) {
            assertThat(string(2, "SELECT instance FROM job_run WHERE job = '" + ReportingReminders.JOB + "'"))
                    .isEqualTo("replica-gone");
            Thread.sleep(500);
        }
        // once it has expired, one of the replicas takes the run over and finishes it, once
        awaitTrue(
                "the run taken over",
                Duration.ofSeconds(60),
                () -> single(
                                2,
                                "SELECT COUNT(*) FROM job_run WHERE job = '" + ReportingReminders.JOB
                                        + "' AND finished_at IS NOT NULL")
                        == 1);
        Thread.sleep(3000);
        assertThat(single(3, "SELECT attempts FROM job_run WHERE job = '" + ReportingReminders.JOB + "'"))
                .as("taken over once")
                .isEqualTo(2);
        assertThat(string(3, "SELECT instance FROM job_run WHERE job = '" + ReportingReminders.JOB + "'"))
                .isIn("replica-a", "replica-b");
        assertThat(single(3, reminders)).as("one reminder for the silent site").isEqualTo(1);

        galera("restart", "1");
        assertThat(single(1, reminders))
                .as("the rejoined node holds the reminder")
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void theSameMonthAndConcurrentCorrectionsThroughTwoNodesStoreExactlyOnceAndLoseNoRevision() throws Exception {
        String operator = organization("OPERATOR");
        String dc = dataCenter(operator, LocalDate.of(2010, 1, 1));
        String token = TestTokens.operator(operator);
        List<Integer> posted = concurrently(
                32,
                i -> given().port((i % 2 == 0 ? a : b).port())
                        .header("Authorization", "Bearer " + token)
                        .contentType(ContentType.JSON)
                        .body(month("2024-02", 1500))
                        .post("/api/v1/data-centers/" + dc + "/energy-reports")
                        .statusCode());
        assertThat(posted).filteredOn(s -> s == 201).hasSize(1);
        assertThat(posted).filteredOn(s -> s == 409).hasSize(31);

        given().port(a.port())
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(month("2024-03", 1500))
                .post("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .statusCode(201);
        List<Integer> corrected = concurrently(
                32,
                i -> given().port((i % 2 == 0 ? a : b).port())
                        .header("Authorization", "Bearer " + token)
                        .contentType(ContentType.JSON)
                        .body(month("2024-03", 1400))
                        .put("/api/v1/data-centers/" + dc + "/energy-reports/2024-03")
                        .statusCode());
        assertThat(corrected).containsOnly(200);
        List<Integer> revisions = given().port(b.port())
                .header("Authorization", "Bearer " + TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports/2024-03/revisions")
                .then()
                .statusCode(200)
                .extract()
                .path("revision");
        assertThat(revisions).hasSize(33).doesNotHaveDuplicates();
        assertThat(revisions.get(32)).isEqualTo(33);
        assertThat(single(
                        3,
                        "SELECT COUNT(*) FROM energy_report r JOIN data_center d ON d.id = r.data_center_id "
                                + "WHERE d.code = '" + dc + "'"))
                .isEqualTo(2);
        System.out.printf(
                "Across two nodes: 32 posts of one month %s, 32 corrections %s; retried inside the " + "service: %s%n",
                counts(posted), counts(corrected), retries());
    }

    @Test
    @Order(3)
    void concurrentWritesOfOneWindowThroughTwoNodesKeepItsTotalsEqualToTheReports() throws Exception {
        String operator = organization("OPERATOR");
        List<String> sites =
                List.of(dataCenter(operator, LocalDate.of(2010, 1, 1)), dataCenter(operator, LocalDate.of(2010, 1, 1)));
        String token = TestTokens.operator(operator);
        YearMonth thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newSingleThreadExecutor();
        // the closure rule read meanwhile through the other replica, summing rows afresh where a write left them
        Future<Integer> reads = readers.submit(() -> {
            int n = 0;
            while (writing.get()) {
                given().port(b.port())
                        .header("Authorization", "Bearer " + TestTokens.regulator())
                        .get("/api/v1/closure-candidates?operator=" + operator)
                        .then()
                        .statusCode(200);
                n++;
            }
            return n;
        });
        try {
            // 14 months of both sites, each posted through both nodes at once, some in batches
            List<Integer> posted = concurrently(56, i -> {
                String site = sites.get(i % 2);
                YearMonth month = thisMonth.minusMonths(1 + (i / 4) % 14);
                Replica replica = (i / 2) % 2 == 0 ? a : b;
                int racks = 10 + i;
                Map<String, Object> report = new HashMap<>(month(month.toString(), 1500 + i));
                report.put("racksInUse", racks);
                return i % 3 == 0
                        ? given().port(replica.port())
                                .header("Authorization", "Bearer " + token)
                                .contentType(ContentType.JSON)
                                .body(List.of(withSite(site, report)))
                                .post("/api/v1/energy-reports/batch")
                                .statusCode()
                        : given().port(replica.port())
                                .header("Authorization", "Bearer " + token)
                                .contentType(ContentType.JSON)
                                .body(report)
                                .post("/api/v1/data-centers/" + site + "/energy-reports")
                                .statusCode();
            });
            assertThat(posted).containsOnly(201, 409);
            // then corrections of four months through both nodes at once, some removing the racks in use
            List<Integer> corrected = concurrently(32, i -> {
                YearMonth month = thisMonth.minusMonths(1 + i % 4);
                Map<String, Object> report = new HashMap<>(month(month.toString(), 2000 + 10 * i));
                if (i % 3 != 0) {
                    report.put("racksInUse", 100 + i);
                }
                return given().port((i % 2 == 0 ? a : b).port())
                        .header("Authorization", "Bearer " + token)
                        .contentType(ContentType.JSON)
                        .body(report)
                        .put("/api/v1/data-centers/" + sites.get(i / 16) + "/energy-reports/" + month)
                        .statusCode();
            });
            assertThat(corrected).containsOnly(200);
        } finally {
            writing.set(false);
            System.out.printf(
                    "Window totals across two nodes: %d closure reads during the writes; %s%n",
                    reads.get(120, TimeUnit.SECONDS), retries());
            readers.shutdownNow();
        }
        for (int node = 1; node <= 3; node++) {
            assertThat(windowTotalsUnlikeTheReports(node, sites))
                    .as("kept rows unlike the reports on n" + node)
                    .isZero();
        }
        given().port(a.port())
                .header("Authorization", "Bearer " + TestTokens.regulator())
                .get("/api/v1/closure-candidates?operator=" + operator)
                .then()
                .statusCode(200);
        assertThat(single(
                        3,
                        "SELECT COUNT(*) FROM energy_window_total t JOIN data_center d ON d.id = t.data_center_id"
                                + " WHERE d.code IN ('" + String.join("','", sites) + "') AND t.last_period = '"
                                + (thisMonth.atEndOfMonth().equals(LocalDate.now(ZoneId.of("Asia/Shanghai")))
                                                ? thisMonth
                                                : thisMonth.minusMonths(1))
                                        .atDay(1)
                                + "'"))
                .as("rows of today's window after a read")
                .isEqualTo(2);
        assertThat(windowTotalsUnlikeTheReports(3, sites)).isZero();
    }

    @Test
    @Order(4)
    void aNodeKilledUnderWriteLoadLosesNoAcknowledgedWriteAndStoresNoneTwice() throws Exception {
        int[] victim = new int[1];
        Load load = underLoad(Duration.ofSeconds(3), Duration.ofSeconds(10), () -> {
            victim[0] = nodeInUse();
            galera("kill", Integer.toString(victim[0]));
        });
        int survivor = victim[0] % 3 + 1;
        check("kill -9 of n" + victim[0] + " (the node in use)", load, survivor);
        galera("restart", Integer.toString(victim[0]));
        assertThat(storedMonths(victim[0], load.acknowledged().keySet()))
                .as("the rejoined node holds the same rows")
                .isEqualTo(storedMonths(survivor, load.acknowledged().keySet()));
    }

    @Test
    @Order(5)
    void aNodeStoppedGracefullyUnderWriteLoadCostsNoWrite() throws Exception {
        int[] victim = new int[1];
        Load load = underLoad(Duration.ofSeconds(3), Duration.ofSeconds(8), () -> {
            victim[0] = nodeInUse();
            galera("stop", Integer.toString(victim[0]));
        });
        check("SIGTERM of n" + victim[0] + " (the node in use)", load, victim[0] % 3 + 1);
        galera("restart", Integer.toString(victim[0]));
    }

    @Test
    @Order(6)
    void aLostQuorumTurnsReadinessDownAndARebootstrapRecoversWithoutRestartingTheService() throws Exception {
        String operator = organization("OPERATOR");
        String dc = dataCenter(operator, LocalDate.of(2010, 1, 1));
        String token = TestTokens.operator(operator);
        galera("kill", "1");
        galera("kill", "2");
        for (Replica r : List.of(a, b)) {
            awaitTrue(
                    r.name() + " turning unready",
                    Duration.ofSeconds(90),
                    () -> given().port(r.port()).get("/q/health/ready").statusCode() == 503);
        }
        Response refused = given().port(a.port())
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(month("2024-01", 1500))
                .post("/api/v1/data-centers/" + dc + "/energy-reports");
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotBlank();

        galera("bootstrap", "3"); // what the operator does: the most advanced survivor becomes the primary
        for (Replica r : List.of(a, b)) {
            awaitTrue(
                    r.name() + " ready again",
                    Duration.ofSeconds(90),
                    () -> given().port(r.port()).get("/q/health/ready").statusCode() == 200);
            assertThat(r.process().isAlive()).isTrue();
        }
        given().port(b.port())
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(month("2024-01", 1500))
                .post("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .statusCode(201);
        galera("restart", "1");
        assertThat(single(
                        1,
                        "SELECT COUNT(*) FROM energy_report r JOIN data_center d ON d.id = r.data_center_id "
                                + "WHERE d.code = '" + dc + "'"))
                .as("the rejoined node holds the write made after recovery")
                .isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------- load

    /** 16 clients, half through each replica, post reports and batches with Idempotency-Key, retrying 503s. */
    private Load underLoad(Duration before, Duration after, ThrowingRunnable event) throws Exception {
        String operator = organization("OPERATOR");
        String token = TestTokens.operator(operator);
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            sites.add(dataCenter(operator, LocalDate.of(1950, 1, 1)));
        }
        Map<String, Set<YearMonth>> acknowledged = new ConcurrentHashMap<>();
        Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        AtomicInteger retried = new AtomicInteger();
        AtomicLong lastAck = new AtomicLong(System.nanoTime());
        LongAccumulator longestGap = new LongAccumulator(Math::max, 0);
        LongAccumulator slowest = new LongAccumulator(Math::max, 0);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Replica replica = i % 2 == 0 ? a : b;
            String site = sites.get(i);
            acknowledged.put(site, ConcurrentHashMap.newKeySet());
            clients.add(pool.submit(() -> {
                YearMonth next = YearMonth.of(1950, 1);
                int n = 0;
                while (writing.get()) {
                    boolean batch = n++ % 5 == 4;
                    List<YearMonth> months = new ArrayList<>();
                    for (int m = 0; m < (batch ? 3 : 1); m++) {
                        months.add(next);
                        next = next.plusMonths(1);
                    }
                    String key = UUID.randomUUID().toString();
                    long started = System.nanoTime();
                    Response answer;
                    int attempts = 0;
                    while (true) {
                        attempts++;
                        answer = batch
                                ? post(
                                        replica,
                                        token,
                                        key,
                                        "/api/v1/energy-reports/batch",
                                        months.stream()
                                                .map(p -> withSite(site, month(p.toString(), 1500)))
                                                .toList())
                                : post(
                                        replica,
                                        token,
                                        key,
                                        "/api/v1/data-centers/" + site + "/energy-reports",
                                        month(months.get(0).toString(), 1500));
                        if (answer.statusCode() != 503
                                || Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(60))
                                        > 0) {
                            break;
                        }
                        sleep(200); // sooner than Retry-After: the pause of a node loss is short
                    }
                    long now = System.nanoTime();
                    slowest.accumulate(now - started);
                    byStatus.merge(answer.statusCode(), 1, Integer::sum);
                    if (attempts > 1) {
                        retried.incrementAndGet();
                    }
                    if (answer.statusCode() == 201) {
                        acknowledged.get(site).addAll(months);
                        longestGap.accumulate(now - lastAck.getAndSet(now));
                    }
                    sampleRss();
                }
                return null;
            }));
        }
        Thread.sleep(before.toMillis());
        lastAck.set(System.nanoTime());
        longestGap.reset();
        event.run();
        Thread.sleep(after.toMillis());
        writing.set(false);
        for (Future<?> client : clients) {
            client.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return new Load(
                acknowledged,
                new TreeMap<>(byStatus),
                retried.get(),
                Duration.ofNanos(longestGap.get()),
                Duration.ofNanos(slowest.get()));
    }

    private void check(String event, Load load, int survivingNode) throws Exception {
        Map<String, List<YearMonth>> stored =
                storedMonths(survivingNode, load.acknowledged().keySet());
        int found = 0;
        int duplicates = 0;
        for (Map.Entry<String, Set<YearMonth>> site : load.acknowledged().entrySet()) {
            List<YearMonth> months = stored.get(site.getKey());
            found += (int) site.getValue().stream().filter(months::contains).count();
            duplicates += months.size() - new HashSet<>(months).size();
        }
        int revisions = (int) single(
                survivingNode,
                "SELECT COUNT(*) FROM energy_report_revision v JOIN data_center d "
                        + "ON d.id = v.data_center_id WHERE d.code IN ('"
                        + String.join("','", load.acknowledged().keySet())
                        + "') AND v.revision > 1");
        int errors = load.byStatus().getOrDefault(500, 0);
        System.out.printf(
                "%s under load: acknowledged writes %d, found %d, duplicates %d, 500s %d, pause %.1f s "
                        + "(slowest write %.1f s), answers %s, writes retried by the client after a 503: %d; %s%n",
                event,
                load.acknowledgedCount(),
                found,
                duplicates + revisions,
                errors,
                load.pause().toMillis() / 1000.0,
                load.slowest().toMillis() / 1000.0,
                load.byStatus(),
                load.retried(),
                retries());
        assertThat(load.acknowledgedCount()).as("writes went through").isGreaterThan(CLIENTS);
        assertThat(found).as("every acknowledged write is stored").isEqualTo(load.acknowledgedCount());
        assertThat(duplicates + revisions).as("nothing stored twice").isZero();
        assertThat(windowTotalsUnlikeTheReports(
                        survivingNode, load.acknowledged().keySet()))
                .as("kept window totals")
                .isZero();
        assertThat(load.byStatus().keySet())
                .as("every write acknowledged in the end")
                .containsOnly(201);
    }

    /**
     * The sites among these whose window totals differ from their reports on a node: no row although reported, or a row
     * naming a window whose sums, months or latest racks in use are not those of the reports.
     */
    private long windowTotalsUnlikeTheReports(int node, java.util.Collection<String> sites) throws SQLException {
        String in = "('" + String.join("','", sites) + "')";
        String window = " FROM energy_report r WHERE r.data_center_id = t.data_center_id"
                + " AND r.period BETWEEN t.last_period - INTERVAL 11 MONTH AND t.last_period";
        return single(
                node,
                "SELECT (SELECT COUNT(*) FROM energy_window_total t JOIN data_center d ON d.id = t.data_center_id"
                        + " WHERE d.code IN " + in + " AND t.last_period IS NOT NULL AND NOT ("
                        + " t.facility_kwh = (SELECT COALESCE(SUM(r.facility_kwh), 0)" + window + ")"
                        + " AND t.it_kwh = (SELECT COALESCE(SUM(r.it_kwh), 0)" + window + ")"
                        + " AND t.months = (SELECT COUNT(*)" + window + ")"
                        + " AND t.racks_in_use <=> (SELECT r.racks_in_use" + window
                        + "   AND r.racks_in_use IS NOT NULL ORDER BY r.period DESC LIMIT 1)))"
                        + " + (SELECT COUNT(DISTINCT r.data_center_id) FROM energy_report r JOIN data_center d"
                        + "   ON d.id = r.data_center_id WHERE d.code IN " + in + " AND NOT EXISTS"
                        + "   (SELECT 1 FROM energy_window_total t WHERE t.data_center_id = r.data_center_id))");
    }

    /** The months stored per site, read on one node (with wsrep_sync_wait: what the cluster has committed). */
    private Map<String, List<YearMonth>> storedMonths(int node, Set<String> sites) throws SQLException {
        Map<String, List<YearMonth>> stored = new TreeMap<>();
        sites.forEach(s -> stored.put(s, new ArrayList<>()));
        try (Connection c = connect(node);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT d.code, r.period FROM energy_report r JOIN data_center d "
                        + "ON d.id = r.data_center_id WHERE d.code IN ('" + String.join("','", sites) + "')")) {
            while (rs.next()) {
                stored.get(rs.getString(1)).add(YearMonth.from(rs.getDate(2).toLocalDate()));
            }
        }
        stored.values().forEach(Collections::sort);
        return stored;
    }

    /** The node that holds most of the replicas' connections (the driver keeps a connection where it is). */
    private int nodeInUse() throws SQLException {
        int busiest = 1;
        long most = -1;
        StringBuilder seen = new StringBuilder();
        for (int n = 1; n <= 3; n++) {
            long connections = single(
                    n,
                    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'dceff' "
                            + "AND ID <> CONNECTION_ID()");
            seen.append(" n").append(n).append('=').append(connections);
            if (connections > most) {
                most = connections;
                busiest = n;
            }
        }
        System.out.println("Service connections per node:" + seen);
        return busiest;
    }

    private Response post(Replica replica, String token, String key, String path, Object body) {
        return given().port(replica.port())
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path);
    }

    private void sampleRss() {
        for (Replica r : new Replica[] {a, b}) {
            try {
                for (String line : Files.readAllLines(
                        Path.of("/proc", Long.toString(r.process().pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        peakRssKb.accumulate(Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // not on Linux, or the replica has exited
            }
        }
    }

    private String retries() {
        StringBuilder found = new StringBuilder();
        for (Replica r : List.of(a, b)) {
            String metrics = given().port(r.port()).get("/q/metrics").asString();
            metrics.lines()
                    .filter(l -> l.startsWith("dceff_transaction_retries"))
                    .forEach(l -> found.append(r.name()).append(' ').append(l).append("; "));
        }
        return found.length() == 0 ? "no transaction retried" : found.toString();
    }

    // ---------------------------------------------------------------------------------------------- set-up

    private String organization(String kind) {
        return organizationOn(a, kind);
    }

    private String organizationOn(Replica replica, String kind) {
        String code = Api.uniqueCode(kind.substring(0, 2));
        given().port(replica.port())
                .header("Authorization", "Bearer " + TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Galera test", "kind", kind, "creditCode", Api.creditCode()))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        return code;
    }

    private String dataCenter(String operator, LocalDate commissioned) {
        return dataCenterOn(a, operator, commissioned);
    }

    private String dataCenterOn(Replica replica, String operator, LocalDate commissioned) {
        String code = Api.uniqueCode("DC");
        given().port(replica.port())
                .header("Authorization", "Bearer " + TestTokens.operator(operator))
                .contentType(ContentType.JSON)
                .body(Api.dataCenter(code, operator, 300, commissioned))
                .post("/api/v1/data-centers")
                .then()
                .statusCode(201);
        return code;
    }

    private static Map<String, Object> month(String period, int facility) {
        return Map.of("period", period, "facilityKwh", facility, "itKwh", 1000);
    }

    private static Map<String, Object> withSite(String site, Map<String, Object> report) {
        Map<String, Object> row = new HashMap<>(report);
        row.put("dataCenterCode", site);
        return row;
    }

    private interface IndexedCall {
        int call(int index) throws Exception;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static List<Integer> concurrently(int clients, IndexedCall call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get(180, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Long> counts(List<Integer> statuses) {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach(s -> counts.merge(s, 1L, Long::sum));
        return counts;
    }

    private Replica launch(String name, int... nodes) throws Exception {
        return launch(name, url(nodes), "dceff", "dceff");
    }

    private Replica launch(String name, String jdbcUrl, String username, String password) throws Exception {
        return Replica.launch(
                name,
                dir.resolveSibling("galera-it-" + run + "-" + name + ".log"),
                jdbcUrl,
                username,
                password,
                Map.of(
                        "DCEFF_JOBS_REMINDERS_CRON", "* * * * * ?",
                        "DCEFF_JOBS_REPORTS_DUE_DAY", "1",
                        "DCEFF_JOBS_LEASE", "5S"));
    }

    /** The multi-host form of the manifests, starting at the given node; reads wait for what the cluster committed. */
    private String url(int... nodes) {
        StringBuilder hosts = new StringBuilder();
        for (int n : nodes) {
            hosts.append(hosts.length() == 0 ? "" : ",").append("127.0.0.1:").append(sqlPorts[n]);
        }
        return "jdbc:mariadb:sequential://" + hosts + "/dceff?sessionVariables=wsrep_sync_wait=1";
    }

    private static void awaitTrue(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception | AssertionError notYet) {
                // the cluster is changing under us
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + ": not within " + timeout);
    }

    private void galera(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), args[0], dir.toString()));
        command.addAll(List.of(args).subList(1, args.length));
        Path out = logs.resolve("galera.log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES))
                .as("galera.sh " + String.join(" ", args))
                .isTrue();
        assertThat(p.exitValue())
                .as("galera.sh %s failed; see %s", String.join(" ", args), out)
                .isZero();
    }

    private Connection connect(int node) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + sqlPorts[node - 1] + "/dceff?sessionVariables=wsrep_sync_wait=1",
                "dceff",
                "dceff");
    }

    private long single(int node, String sql) throws SQLException {
        try (Connection c = connect(node);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String string(int node, String sql) throws SQLException {
        try (Connection c = connect(node);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
