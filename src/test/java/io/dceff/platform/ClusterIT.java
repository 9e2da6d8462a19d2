package io.dceff.platform;

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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service on one database, as on Kubernetes: the scheduled reminder job runs
 * once per cluster, not once per replica; and a replica told to stop turns unready, finishes the batch it is
 * taking, then exits.
 */
class ClusterIT {

    private final Path dir = Path.of("target", "cluster-it-" + UUID.randomUUID());
    private EmbeddedMariaDb db;
    private Replica setup;
    private Replica a;
    private Replica b;

    @BeforeEach
    void database() throws IOException {
        Files.createDirectories(dir);
        db = new EmbeddedMariaDb(
                Path.of("target", "embedded-mariadb", "base"), dir.resolve("mariadb"), "dceff", 0, "128M");
        db.start();
    }

    @AfterEach
    void cleanUp() {
        for (Replica r : new Replica[] {setup, a, b}) {
            if (r != null && r.process().isAlive()) {
                r.process().destroyForcibly();
            }
        }
        if (db != null) {
            db.destroy();
        }
    }

    @Test
    void theReminderJobRunsOncePerClusterAndAStoppingReplicaFinishesItsBatch() throws Exception {
        // a first replica without the job migrates the database and registers a site that never reports
        setup = launch("setup", "off").awaitReady();
        String operator = Api.uniqueCode("OP");
        String silent = Api.uniqueCode("DC");
        given().port(setup.port())
                .header("Authorization", "Bearer " + TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code", operator, "name", "Cluster test", "kind", "OPERATOR", "creditCode", Api.creditCode()))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        given().port(setup.port())
                .header("Authorization", "Bearer " + TestTokens.operator(operator))
                .contentType(ContentType.JSON)
                .body(Api.dataCenter(silent, operator, 240, LocalDate.of(2010, 3, 1)))
                .post("/api/v1/data-centers")
                .then()
                .statusCode(201);
        setup.process().destroy();
        assertThat(setup.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

        // two replicas start together and both tick every second
        Replica launchedA = launch("replica-a", "* * * * * ?");
        Replica launchedB = launch("replica-b", "* * * * * ?");
        a = launchedA.awaitReady();
        b = launchedB.awaitReady();

        // both replicas tick every second; due day 1 makes last month due today
        String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        awaitFinishedRun(period, Duration.ofSeconds(60));
        Thread.sleep(4000); // several more ticks of both replicas
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM job_run WHERE job = '" + ReportingReminders.JOB + "'"))
                    .as("one run in all")
                    .isEqualTo(1);
            assertThat(count(s, "SELECT attempts FROM job_run WHERE job = '" + ReportingReminders.JOB + "'"))
                    .isEqualTo(1);
            assertThat(count(
                            s,
                            "SELECT COUNT(*) FROM reporting_reminder r JOIN data_center d ON d.id = r.data_center_id"
                                    + " WHERE d.code = '" + silent + "'"))
                    .as("one reminder for the silent site")
                    .isEqualTo(1);
        }
        String logs = Files.readString(a.log()) + Files.readString(b.log()) + Files.readString(setup.log());
        assertThat(logs.split("data centers reminded", -1))
                .as("one replica ran the job")
                .hasSize(2);

        // a large batch is in flight on replica b when it is told to stop
        String carrier = Api.uniqueCode("CA");
        given().port(a.port())
                .header("Authorization", "Bearer " + TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code", carrier, "name", "Cluster carrier", "kind", "CARRIER", "creditCode", Api.creditCode()))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        StringBuilder csv = new StringBuilder("siteId,district,technology,builtOn,sharedWith\n");
        int rows = 60_000;
        for (int i = 0; i < rows; i++) {
            csv.append("S-").append(i).append(",310115,5G,2024-05-01,\n");
        }
        CompletableFuture<Response> batch = CompletableFuture.supplyAsync(() -> given().port(b.port())
                .header("Authorization", "Bearer " + TestTokens.carrier(carrier))
                .contentType("text/csv")
                .body(csv.toString())
                .post("/api/v1/base-stations/batch"));
        Thread.sleep(300);
        b.process().destroy(); // SIGTERM, as Kubernetes sends it
        awaitReady(b.port(), 503, Duration.ofSeconds(5));
        Response answer = batch.get(60, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.asString()).isBetween(200, 201);
        assertThat(b.process().waitFor(60, TimeUnit.SECONDS))
                .as("replica b exited")
                .isTrue();
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM base_station WHERE carrier_code = '" + carrier + "'"))
                    .as("the whole batch stored")
                    .isEqualTo(rows);
        }
        given().port(a.port()).get("/q/health/ready").then().statusCode(200);
    }

    private Replica launch(String name, String cron) throws Exception {
        return Replica.launch(
                name,
                dir.resolve(name + ".log"),
                db.jdbcUrl(),
                db.username(),
                db.password(),
                Map.of(
                        "DCEFF_JOBS_REMINDERS_CRON", cron,
                        "DCEFF_JOBS_REPORTS_DUE_DAY", "1",
                        "DCEFF_SHUTDOWN_DELAY", "3S"));
    }

    private void awaitFinishedRun(String period, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                if (count(s, "SELECT COUNT(*) FROM job_run WHERE period = '" + period + "' AND finished_at IS NOT NULL")
                        == 1) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no finished reminder run for " + period);
    }

    private static void awaitReady(int port, int status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (given().port(port).get("/q/health/ready").statusCode() == status) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("readiness did not answer " + status);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
