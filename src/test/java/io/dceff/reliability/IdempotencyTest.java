package io.dceff.reliability;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Retries with an Idempotency-Key get the first answer and store nothing twice. */
@QuarkusTest
class IdempotencyTest {

    @Test
    void aRetriedReportGetsTheFirstAnswerAndIsStoredOnce() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, LocalDate.of(2012, 1, 1));
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("period", "2024-05", "facilityKwh", 1500, "itKwh", 1000);
        Response first = as(TestTokens.operator(op))
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/data-centers/" + dc + "/energy-reports");
        assertThat(first.statusCode()).isEqualTo(201);
        Response retry = as(TestTokens.operator(op))
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/data-centers/" + dc + "/energy-reports");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports/2024-05/revisions")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));

        // without the key the same request is a duplicate month
        as(TestTokens.operator(op))
                .body(body)
                .post("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .statusCode(409);
        // the same key with another body is refused, and nothing is stored
        as(TestTokens.operator(op))
                .header("Idempotency-Key", key)
                .body(Map.of("period", "2024-06", "facilityKwh", 1500, "itKwh", 1000))
                .post("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .body("items.period", equalTo(List.of("2024-05")));
    }

    @Test
    void aRetriedCsvBatchIsStoredOnceAndAFailedRequestFreesItsKey() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, LocalDate.of(2012, 1, 1));
        String key = UUID.randomUUID().toString();
        String bad = "dataCenterCode,period,facilityKwh,itKwh\n" + dc + ",2024-01,900,1000\n";
        as(TestTokens.operator(op))
                .header("Idempotency-Key", key)
                .contentType("text/csv")
                .body(bad)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(400);
        String good =
                "dataCenterCode,period,facilityKwh,itKwh\n" + dc + ",2024-01,1500,1000\n" + dc + ",2024-02,1400,1000\n";
        int first = as(TestTokens.operator(op))
                .header("Idempotency-Key", key)
                .contentType("text/csv")
                .body(good)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        int replayed = as(TestTokens.operator(op))
                .header("Idempotency-Key", key)
                .contentType("text/csv")
                .body(good)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .path("id");
        assertThat(replayed).isEqualTo(first);
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .body("items.size()", equalTo(2));
    }

    @Test
    void keysBelongToTheirCallerAndMustBePrintable() {
        String op = createOrganization("OPERATOR");
        String other = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, LocalDate.of(2012, 1, 1));
        String otherDc = createDataCenter(other, 300, LocalDate.of(2012, 1, 1));
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("period", "2024-07", "facilityKwh", 1500, "itKwh", 1000);
        as(TestTokens.operator(op))
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .statusCode(201);
        // another operator's use of the same key is a request of its own
        as(TestTokens.operator(other))
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/data-centers/" + otherDc + "/energy-reports")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        as(TestTokens.operator(op))
                .header("Idempotency-Key", "two words")
                .body(body)
                .post("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
