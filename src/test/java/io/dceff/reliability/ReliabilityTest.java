package io.dceff.reliability;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.equalTo;

import io.dceff.platform.embedded.EmbeddedMariaDb;
import io.dceff.support.EmbeddedMariaDbTestResource;
import io.dceff.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Concurrent writers, oversized bodies and a database outage: nothing lost, nothing half-stored, never a 500. */
@QuarkusTest
class ReliabilityTest {

    @TestHTTPResource("/")
    URL base;

    private static Map<String, Object> month(String period, int facility) {
        return Map.of("period", period, "facilityKwh", facility, "itKwh", 1000);
    }

    private static List<Integer> concurrently(int clients, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thirtyTwoClientsPostingTheSameMonthStoreItOnce() throws Exception {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 500, LocalDate.of(2010, 1, 1));
        List<Integer> statuses = concurrently(
                32,
                () -> as(TestTokens.operator(op))
                        .body(month("2024-02", 1500))
                        .post("/api/v1/data-centers/" + dc + "/energy-reports")
                        .statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(31);
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports/2024-02/revisions")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void thirtyTwoConcurrentCorrectionsBecomeRevisionsTwoToThirtyThree() throws Exception {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 500, LocalDate.of(2010, 1, 1));
        as(TestTokens.operator(op))
                .body(month("2024-03", 1500))
                .post("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .statusCode(201);
        List<Integer> statuses = concurrently(
                32,
                () -> as(TestTokens.operator(op))
                        .body(month("2024-03", 1400))
                        .put("/api/v1/data-centers/" + dc + "/energy-reports/2024-03")
                        .statusCode());
        assertThat(statuses).containsOnly(200);
        List<Integer> revisions = as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports/2024-03/revisions")
                .then()
                .extract()
                .path("revision");
        assertThat(revisions).hasSize(33).doesNotHaveDuplicates();
        assertThat(revisions.get(32)).isEqualTo(33);
    }

    @Test
    void overlappingBatchesRacingAreEachAllOrNothing() throws Exception {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 500, LocalDate.of(2010, 1, 1));
        AtomicInteger client = new AtomicInteger();
        Set<Integer> seenByReader = ConcurrentHashMap.newKeySet();
        AtomicBoolean racing = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (racing.get()) {
                seenByReader.add(as(TestTokens.regulator())
                        .get("/api/v1/data-centers/" + dc + "/energy-reports")
                        .then()
                        .extract()
                        .path("items.size()"));
            }
        });
        reader.start();
        // eight batches of the same twelve months, each with its own facility figure
        List<Integer> statuses = concurrently(8, () -> {
            int facility = 1100 + client.getAndIncrement();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                rows.add(Map.of(
                        "dataCenterCode",
                        dc,
                        "period",
                        String.format("2023-%02d", m),
                        "facilityKwh",
                        facility,
                        "itKwh",
                        1000));
            }
            return as(TestTokens.operator(op))
                    .body(rows)
                    .post("/api/v1/energy-reports/batch")
                    .statusCode();
        });
        racing.set(false);
        reader.join();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        List<Float> facility = as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .extract()
                .path("items.facilityKwh");
        assertThat(facility).hasSize(12);
        assertThat(new HashSet<>(facility))
                .as("all twelve months from one batch")
                .hasSize(1);
        assertThat(seenByReader).as("a reader never saw part of a batch").isSubsetOf(0, 12);
    }

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedWith413() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/energy-reports/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                            + "Authorization: Bearer " + TestTokens.regulator()
                            + "\r\nContent-Length: 30000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(15_000);
            InputStream in = socket.getInputStream();
            StringBuilder received = new StringBuilder();
            byte[] buffer = new byte[1024];
            // read until the problem's closing brace, the connection closes, or the timeout fails the test
            while (received.indexOf("}") < 0) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            String answer = received.toString();
            assertThat(answer)
                    .startsWith("HTTP/1.1 413")
                    .contains("application/problem+json")
                    .contains("\"status\":413");
        }
    }

    @Test
    void aDatabaseOutageAnswers503AndEveryAcknowledgedWriteSurvives() throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDbTestResource.database();
        assumeThat(db).as("only on the embedded test database").isNotNull();
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 500, LocalDate.of(1960, 1, 1));
        // each month's answer: its status, and for a 503 its problem type (outcome-unknown: the database was lost
        // during the commit, so the month may or may not have been stored)
        Map<YearMonth, String> outcome = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            YearMonth period = YearMonth.of(1960, 1);
            while (writing.get()) {
                long started = System.nanoTime();
                var answer = as(TestTokens.operator(op))
                        .body(month(period.toString(), 1500))
                        .post("/api/v1/data-centers/" + dc + "/energy-reports");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
                outcome.put(
                        period,
                        answer.statusCode() == 503
                                ? "503 " + answer.jsonPath().getString("type")
                                : String.valueOf(answer.statusCode()));
                period = period.plusMonths(1);
            }
        });
        writer.start();
        Thread.sleep(1500);
        db.stop();
        try {
            awaitStatus("/q/health/ready", 503, Duration.ofSeconds(30));
            var refused = as(TestTokens.operator(op))
                    .body(month("2024-01", 1500))
                    .post("/api/v1/data-centers/" + dc + "/energy-reports");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            Thread.sleep(1000);
        } finally {
            db.start();
        }
        awaitStatus("/q/health/ready", 200, Duration.ofSeconds(60));
        Thread.sleep(1500);
        writing.set(false);
        writer.join(30_000);

        Map<String, Integer> byOutcome = new TreeMap<>();
        outcome.values().forEach(s -> byOutcome.merge(s, 1, Integer::sum));
        System.out.println("Writes during the outage test, by answer: " + byOutcome);
        String refused = "503 urn:dceff:problem:service-unavailable";
        String inDoubt = "503 urn:dceff:problem:outcome-unknown";
        assertThat(byOutcome.keySet()).allMatch(s -> s.equals("201") || s.equals(refused) || s.equals(inDoubt));
        assertThat(byOutcome.getOrDefault(refused, 0))
                .as("some writes met the outage")
                .isPositive();
        assertThat(byOutcome.get("201")).as("writes before and after").isGreaterThan(1);
        Set<String> stored = new HashSet<>();
        for (int page = 0; ; page++) {
            List<String> periods = as(TestTokens.regulator())
                    .get("/api/v1/data-centers/" + dc + "/energy-reports?size=500&page=" + page)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.period");
            stored.addAll(periods);
            if (periods.size() < 500) {
                break;
            }
        }
        outcome.forEach((period, answer) -> {
            if (answer.equals("201")) {
                assertThat(stored).as("acknowledged %s", period).contains(period.toString());
            } else if (answer.equals(refused)) {
                assertThat(stored).as("refused %s", period).doesNotContain(period.toString());
            }
        });
    }

    private static void awaitStatus(String path, int status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (given().get(path).statusCode() == status) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " did not answer " + status + " within " + timeout);
    }
}
