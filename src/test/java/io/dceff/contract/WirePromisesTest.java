package io.dceff.contract;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the OpenAPI document promises about the wire, held by the server: malformed or unknown parameter values
 * are a 400 naming the parameter (never JAX-RS's 404), JSON types are not coerced, 405 says what is allowed,
 * timestamps carry their offset, and assessment revisions are named by data-center code.
 */
@QuarkusTest
class WirePromisesTest {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

    @Test
    void malformedOrUnknownParameterValuesAre400NamingTheParameterAndTheAllowedValues() {
        String regulator = TestTokens.regulator();
        Map<String, String> cases = Map.of(
                "/api/v1/closure-candidates?status=AAA", "status",
                "/api/v1/data-centers?page=x", "page",
                "/api/v1/data-centers?size=abc", "size",
                "/api/v1/organizations?kind=FOO", "kind",
                "/api/v1/assessments/abc", "id",
                "/api/v1/base-stations?shared=maybe", "shared",
                "/api/v1/data-centers?status=RUNNING", "status");
        cases.forEach((path, parameter) -> as(regulator)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(parameter)));
        as(regulator)
                .get("/api/v1/organizations?kind=FOO")
                .then()
                .body("errors[0].message", equalTo("must be one of OPERATOR, CARRIER"));
    }

    @Test
    void numbersAndBooleansSentAsStringsAreRefusedNamingTheField() {
        String operator = createOrganization("OPERATOR");
        String code = createDataCenter(operator, 200, LocalDate.of(2012, 1, 1));
        as(TestTokens.operator(operator))
                .body(Map.of("period", "2024-01", "facilityKwh", "500", "itKwh", 300))
                .post("/api/v1/data-centers/" + code + "/energy-reports")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("facilityKwh"))
                .body("errors[0].message", equalTo("expected a number"));
        as(TestTokens.operator(operator))
                .body(Map.of(
                        "code",
                        code + "X",
                        "name",
                        "x",
                        "operatorCode",
                        operator,
                        "district",
                        "310101",
                        "racks",
                        "400",
                        "commissionedOn",
                        "2012-01-01"))
                .post("/api/v1/data-centers")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("racks"));
        as(TestTokens.operator(operator))
                .body(List.of(Map.of("dataCenterCode", code, "period", "2024-02", "facilityKwh", 500, "itKwh", "300")))
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(400)
                .body("errors[0].row", equalTo(1))
                .body("errors[0].field", equalTo("itKwh"));
        // CSV cells are text: the same figures are read as numbers there
        as(TestTokens.operator(operator))
                .contentType("text/csv")
                .body("dataCenterCode,period,facilityKwh,itKwh\n" + code + ",2024-03,500,300\n")
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201);
    }

    @Test
    void aMethodNotAllowedSaysWhichAre() {
        as(TestTokens.regulator())
                .delete("/api/v1/districts")
                .then()
                .statusCode(405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        as(TestTokens.regulator())
                .delete("/api/v1/data-centers/ANY")
                .then()
                .statusCode(405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS, PUT"));
    }

    @Test
    void timestampsCarryTheirOffsetAndRevisionsNameTheDataCenter() {
        String operator = createOrganization("OPERATOR");
        String code = createDataCenter(operator, 300, LocalDate.of(2010, 1, 1));
        as(TestTokens.operator(operator))
                .body(Map.of("period", "1999-12", "facilityKwh", 1500, "itKwh", 1000))
                .post("/api/v1/data-centers/" + code + "/energy-reports")
                .then()
                .statusCode(400); // before commissioning
        as(TestTokens.operator(operator))
                .body(Map.of("period", "2020-01", "facilityKwh", 1500, "itKwh", 1000))
                .post("/api/v1/data-centers/" + code + "/energy-reports")
                .then()
                .statusCode(201)
                .body("submittedAt", matchesPattern(TIMESTAMP));
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + code + "/audit")
                .then()
                .statusCode(200)
                .body("occurredAt", everyItem(matchesPattern(TIMESTAMP)));

        long id = ((Number) as(TestTokens.regulator())
                        .body(Map.of("asOf", "2020-12-31"))
                        .post("/api/v1/assessments")
                        .then()
                        .statusCode(201)
                        .header("Location", matchesPattern(".*/api/v1/assessments/\\d+"))
                        .extract()
                        .path("id"))
                .longValue();
        as(TestTokens.regulator())
                .get("/api/v1/assessments/" + id + "/revisions")
                .then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("findAll { it.dataCenterCode == '" + code + "' }.period", hasItem("2020-01"));
    }
}
