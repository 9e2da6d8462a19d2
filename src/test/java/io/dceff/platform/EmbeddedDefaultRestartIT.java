package io.dceff.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dceff.support.Api;
import io.dceff.support.TestTokens;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service on its embedded default, as a newcomer runs it: it starts its own MariaDB,
 * serves the API, stops cleanly on SIGTERM, and after a restart still has what was stored.
 */
class EmbeddedDefaultRestartIT {

    private final Path dir = Path.of("target", "restart-it-" + UUID.randomUUID());
    private Process process;

    @AfterEach
    void cleanUp() throws IOException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // nothing left to remove
        }
    }

    @Test
    void whatWasStoredSurvivesARestart() throws Exception {
        int port = freePort();
        start(port);
        String operator = Api.uniqueCode("OP");
        String code = Api.uniqueCode("DC");
        given().port(port).header("Authorization", "Bearer " + TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", operator, "name", "Restart test", "kind", "OPERATOR", "creditCode", Api.creditCode()))
                .post("/api/v1/organizations").then().statusCode(201);
        given().port(port).header("Authorization", "Bearer " + TestTokens.operator(operator)).contentType(ContentType.JSON)
                .body(Api.dataCenter(code, operator, 240, java.time.LocalDate.of(2010, 3, 1)))
                .post("/api/v1/data-centers").then().statusCode(201);

        stop();
        assertThat(Files.isDirectory(dir.resolve("mariadb"))).as("data directory kept").isTrue();

        start(port);
        given().port(port).header("Authorization", "Bearer " + TestTokens.regulator())
                .get("/api/v1/data-centers/" + code).then().statusCode(200).body("racks", equalTo(240));
        stop();
    }

    private void start(int port) throws Exception {
        Files.createDirectories(dir);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("service.log").toFile()));
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("DCEFF_EMBEDDED_DIR", dir.toString());
        builder.environment().put("DCEFF_FIXTURES_LOAD", "false");
        process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("service running; see " + dir.resolve("service.log")).isTrue();
            try {
                if (given().port(port).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("service not ready within 3 minutes; see " + dir.resolve("service.log"));
    }

    private void stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
