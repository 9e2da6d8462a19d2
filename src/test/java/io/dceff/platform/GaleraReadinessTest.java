package io.dceff.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The Galera readiness check reads the server's wsrep variables by name and says what it found. */
@QuarkusTest
class GaleraReadinessTest {

    @Test
    void aServerWithoutGaleraIsReadyAndSaysSo() {
        // the embedded server has wsrep_on = OFF (or no wsrep at all): not an error, not "unknown"
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'Galera node' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Galera node' }.data.galera", equalTo("not a Galera node"));
    }
}
