package io.dceff.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dceff.support.Listeners;
import io.dceff.support.PackagedService;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A newcomer's first start of the packaged service, from a folder deep in the file system (a path of more than
 * 150 characters) that is not the project's: the sample data, the rating rules and the development key are found
 * beside the service: it says what it is doing and where to go next, and only this machine can reach it and its
 * MariaDB; opened to the network on purpose, it still hands development tokens to this machine only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDefaultFirstStartIT {

    private PackagedService service;
    private int httpPort;
    private int databasePort;

    @BeforeAll
    void aCloneDeepInTheFileSystem() throws Exception {
        Path clone = PackagedService.deepFolder("first-start-it", 150);
        assertThat(clone.toString().length()).isGreaterThan(150);
        service = new PackagedService(clone);
        httpPort = PackagedService.freePort();
        databasePort = PackagedService.freePort();
    }

    @AfterAll
    void cleanUp() {
        service.destroy();
    }

    @Test
    @Order(1)
    void theFirstStartSaysWhatItDoesAndListensOnThisMachineOnly() throws Exception {
        service.launch(Map.of(
                "QUARKUS_HTTP_PORT",
                Integer.toString(httpPort),
                "DCEFF_EMBEDDED_PORT",
                Integer.toString(databasePort)));
        String ready = "dceff is ready: http://localhost:" + httpPort + "/ (dashboard) · API docs http://localhost:"
                + httpPort + "/q/swagger-ui · a token: "
                + Path.of("fixtures/dev-token.sh").toAbsolutePath()
                + " regulator";
        service.awaitLog(ready);

        String log = service.logText();
        assertThat(log)
                .containsSubsequence(
                        "Not in the working directory",
                        "Unpacking the MariaDB server binaries",
                        "MariaDB binaries unpacked in",
                        "Initialising the data directory",
                        "Data directory initialised in",
                        "Starting the embedded MariaDB on 127.0.0.1:" + databasePort,
                        "Embedded MariaDB ready on 127.0.0.1",
                        "Successfully applied",
                        "loading the sample data from " + Path.of("fixtures").toAbsolutePath(),
                        "Sample data loaded",
                        "started in",
                        ready);
        assertThat(log).as("no stack trace").doesNotContain("\tat ");
        assertThat(Files.isDirectory(service.workDir().resolve("data/mariadb")))
                .as("data under ./data")
                .isTrue();

        assertThat(Listeners.on(httpPort))
                .as("the service's listeners")
                .isNotEmpty()
                .allMatch(InetAddress::isLoopbackAddress);
        assertThat(Listeners.on(databasePort))
                .as("MariaDB's listeners")
                .isNotEmpty()
                .allMatch(InetAddress::isLoopbackAddress);
        assertThat(Files.readString(Path.of("/proc/net/unix")))
                .as("no MariaDB socket file in the clone")
                .doesNotContain(service.workDir().toString());

        given().port(httpPort)
                .get("/dev/token?role=regulator")
                .then()
                .statusCode(200)
                .body("role", equalTo("regulator"));
        service.stop();
    }

    @Test
    @Order(2)
    void openedToTheNetworkOnPurposeItHandsTokensToThisMachineOnly() throws Exception {
        Optional<InetAddress> lan = PackagedService.nonLoopbackAddress();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address to call from");
        String address = lan.get().getHostAddress();
        service.launch(Map.of(
                "QUARKUS_HTTP_PORT",
                Integer.toString(httpPort),
                "QUARKUS_HTTP_HOST",
                "0.0.0.0",
                "DCEFF_EMBEDDED_PORT",
                Integer.toString(databasePort)));
        service.awaitReady(httpPort);
        service.awaitLog("dceff is ready");
        assertThat(service.logText()).contains("other machines can reach it");

        // called at the machine's network address, the service sees that address as its peer, as it would
        // see another machine's; it is reachable there, and refuses the token
        given().baseUri("http://" + address)
                .port(httpPort)
                .get("/q/health/ready")
                .then()
                .statusCode(200);
        given().baseUri("http://" + address)
                .port(httpPort)
                .get("/dev/token?role=admin")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        given().baseUri("http://" + address)
                .port(httpPort)
                .get("/dev/token/available")
                .then()
                .statusCode(200)
                .body("available", equalTo(false));
        given().port(httpPort).get("/dev/token?role=admin").then().statusCode(200);
        assertThat(Listeners.on(databasePort))
                .as("MariaDB stays on loopback")
                .isNotEmpty()
                .allMatch(InetAddress::isLoopbackAddress);
        service.stop();
    }
}
