package io.dceff.reliability;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every successful write leaves who, when, what and the request id in the data center's audit trail. */
@QuarkusTest
class AuditTest {

    @Test
    void writesToADataCenterAreInItsAuditTrailWithWhoAndTheRequestId() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, LocalDate.of(2012, 1, 1));
        as(TestTokens.operator(op))
                .header("X-Request-Id", "req-report-1")
                .body(Map.of("period", "2024-01", "facilityKwh", 1500, "itKwh", 1000))
                .post("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .statusCode(201)
                .header("X-Request-Id", "req-report-1");
        as(TestTokens.regulator())
                .body(Map.of("period", "2024-01", "facilityKwh", 1400, "itKwh", 1000))
                .put("/api/v1/data-centers/" + dc + "/energy-reports/2024-01")
                .then()
                .statusCode(200);
        as(TestTokens.operator(op))
                .body(List.of(Map.of("dataCenterCode", dc, "period", "2024-02", "facilityKwh", 1500, "itKwh", 1000)))
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201);
        // refused and failed writes are not in the trail
        as(TestTokens.operator(op))
                .body(Map.of("period", "2024-01", "facilityKwh", 1500, "itKwh", 1000))
                .post("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .statusCode(409);
        as(TestTokens.operator(createOrganization("OPERATOR")))
                .body(Map.of("period", "2024-03", "facilityKwh", 1500, "itKwh", 1000))
                .post("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .statusCode(403);

        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/audit")
                .then()
                .statusCode(200)
                .body("$", hasSize(4))
                .body("method", contains("POST", "PUT", "POST", "POST"))
                .body(
                        "path",
                        contains(
                                "/api/v1/energy-reports/batch",
                                "/api/v1/data-centers/" + dc + "/energy-reports/2024-01",
                                "/api/v1/data-centers/" + dc + "/energy-reports",
                                "/api/v1/data-centers"))
                .body("subject", contains("operator@" + op, "regulator", "operator@" + op, "operator@" + op))
                .body("[2].requestId", equalTo("req-report-1"))
                .body("[2].organization", equalTo(op))
                .body("[1].roles", equalTo("regulator"))
                .body("requestId", everyItem(notNullValue()));
        as(TestTokens.operator(op))
                .get("/api/v1/data-centers/" + dc + "/audit")
                .then()
                .statusCode(403);
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/NO-SUCH-DC/audit")
                .then()
                .statusCode(404);
    }
}
