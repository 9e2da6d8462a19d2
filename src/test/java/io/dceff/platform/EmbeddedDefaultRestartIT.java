package io.dceff.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dceff.support.Api;
import io.dceff.support.PackagedService;
import io.dceff.support.TestTokens;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service on its embedded default, as a newcomer runs it: it starts its own MariaDB,
 * serves the API, stops cleanly on SIGTERM, and after a restart still has what was stored; all from an
 * embedded directory deep in the file system (a path of more than 150 characters).
 */
class EmbeddedDefaultRestartIT {

    private PackagedService service;

    @AfterEach
    void cleanUp() {
        if (service != null) {
            service.destroy();
        }
    }

    @Test
    void whatWasStoredSurvivesARestart() throws Exception {
        Path dir = PackagedService.deepFolder("restart-it", 150);
        // run from the project (fixtures/, ratings/), the embedded directory elsewhere
        service = new PackagedService(dir);
        int port = PackagedService.freePort();
        Map<String, String> environment = Map.of(
                "QUARKUS_HTTP_PORT",
                Integer.toString(port),
                "DCEFF_EMBEDDED_DIR",
                dir.toString(),
                "DCEFF_FIXTURES_LOAD",
                "false",
                "DCEFF_FIXTURES_DIR",
                Path.of("fixtures").toAbsolutePath().toString(),
                "DCEFF_RATINGS_DIR",
                Path.of("ratings").toAbsolutePath().toString(),
                "DCEFF_SECURITY_DEV_PUBLIC_KEY",
                Path.of("fixtures/dev-keys/public.pem").toAbsolutePath().toString());
        service.launch(environment);
        service.awaitReady(port);
        String operator = Api.uniqueCode("OP");
        String code = Api.uniqueCode("DC");
        given().port(port)
                .header("Authorization", "Bearer " + TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code", operator, "name", "Restart test", "kind", "OPERATOR", "creditCode", Api.creditCode()))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        given().port(port)
                .header("Authorization", "Bearer " + TestTokens.operator(operator))
                .contentType(ContentType.JSON)
                .body(Api.dataCenter(code, operator, 240, LocalDate.of(2010, 3, 1)))
                .post("/api/v1/data-centers")
                .then()
                .statusCode(201);

        service.stop();
        assertThat(Files.isDirectory(dir.resolve("mariadb")))
                .as("data directory kept")
                .isTrue();

        service.launch(environment);
        service.awaitReady(port);
        given().port(port)
                .header("Authorization", "Bearer " + TestTokens.regulator())
                .get("/api/v1/data-centers/" + code)
                .then()
                .statusCode(200)
                .body("racks", equalTo(240));
        assertThat(service.logText())
                .as("the second start reuses the binaries and the data directory")
                .containsOnlyOnce("Unpacking the MariaDB server binaries")
                .containsOnlyOnce("Initialising the data");
        service.stop();
    }
}
