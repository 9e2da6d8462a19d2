package io.dceff.reporting;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnergyReportResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final LocalDate COMMISSIONED = LocalDate.of(2015, 3, 10);

    private String operator;
    private String dc;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void aDataCenter() {
        operator = createOrganization("OPERATOR");
        dc = createDataCenter(operator, 200, COMMISSIONED);
    }

    static Map<String, Object> report(String period, String facility, String it) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", period);
        body.put("facilityKwh", new BigDecimal(facility));
        body.put("itKwh", new BigDecimal(it));
        return body;
    }

    private ValidatableResponse post(Map<String, Object> body) {
        return as(TestTokens.operator(operator))
                .body(body)
                .post("/api/v1/data-centers/" + dc + "/energy-reports")
                .then();
    }

    @Test
    void storesAReportExactlyWithItsPue() {
        post(report("2024-03", "150000.125", "100000"))
                .statusCode(201)
                .header("Location", endsWith("/energy-reports/2024-03/revisions"))
                .body("revision", equalTo(1))
                .body("facilityKwh", equalTo(150000.125f))
                .body("pue", equalTo(1.5f))
                .body("qualityFlags", empty());
        String raw = as(TestTokens.operator(operator))
                .get("/api/v1/data-centers/" + dc + "/energy-reports")
                .asString();
        assertThat(raw).contains("\"facilityKwh\":150000.125").contains("\"pue\":1.500");
    }

    @Test
    void aSecondReportForTheSameMonthIsAConflict() {
        post(report("2024-04", "150000", "100000")).statusCode(201);
        post(report("2024-04", "160000", "100000"))
                .statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("already reported"));
    }

    @Test
    void aCorrectionIsRevisionTwoAndKeepsRevisionOne() {
        post(report("2024-05", "150000", "100000")).statusCode(201);
        Map<String, Object> fix = report("2024-05", "140000", "100000");
        fix.put("note", "meter read again");
        as(TestTokens.operator(operator))
                .body(fix)
                .put("/api/v1/data-centers/" + dc + "/energy-reports/2024-05")
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("pue", equalTo(1.4f));
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports/2024-05/revisions")
                .then()
                .statusCode(200)
                .body("revision", contains(1, 2))
                .body("facilityKwh", contains(150000, 140000))
                .body("[1].note", equalTo("meter read again"));
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports?from=2024-05&to=2024-05")
                .then()
                .body("items", hasSize(1))
                .body("items[0].revision", equalTo(2));
    }

    @Test
    void correctingAMonthNeverReportedIsNotFound() {
        as(TestTokens.operator(operator))
                .body(report("2024-06", "150000", "100000"))
                .put("/api/v1/data-centers/" + dc + "/energy-reports/2024-06")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void theAnnualPueIsEnergyWeightedNotAMeanOfMonths() {
        // January: 200 / 100 = 2.0; February: 1100 / 1000 = 1.1; the mean of the two would be 1.55,
        // the energy-weighted PUE is (200 + 1100) / (100 + 1000) = 1300 / 1100 = 1.1818… → 1.182
        post(report("2023-01", "200", "100")).statusCode(201);
        post(report("2023-02", "1100", "1000")).statusCode(201);
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/pue?from=2023-01&to=2023-02")
                .then()
                .statusCode(200)
                .body("monthly.pue", contains(2.0f, 1.1f))
                .body("annual[0].year", equalTo(2023))
                .body("annual[0].months", equalTo(2))
                .body("annual[0].pue", equalTo(1.182f));
    }

    @Test
    void rejectsItEnergyOfZero() {
        post(report("2024-01", "100", "0")).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("itKwh"));
    }

    @Test
    void rejectsFacilityEnergyBelowItEnergy() {
        post(report("2024-01", "99", "100")).statusCode(400).body("errors.field", contains("facilityKwh"));
    }

    @Test
    void rejectsNegativeFigures() {
        Map<String, Object> body = report("2024-01", "150", "100");
        body.put("renewableKwh", -1);
        body.put("waterM3", -0.5);
        post(body)
                .statusCode(400)
                .body("errors.field", hasItem("renewableKwh"))
                .body("errors.field", hasItem("waterM3"));
    }

    @Test
    void rejectsAFutureMonth() {
        post(report(YearMonth.now().plusMonths(1).toString(), "150", "100"))
                .statusCode(400)
                .body("errors.field", contains("period"))
                .body("errors[0].message", containsString("future"));
    }

    @Test
    void rejectsAMonthBeforeCommissioning() {
        post(report("2015-02", "150", "100")).statusCode(400).body("errors.field", contains("period"));
        post(report("2015-03", "150", "100")).statusCode(201);
    }

    @Test
    void rejectsReusedEnergyAboveFacilityEnergy() {
        Map<String, Object> body = report("2024-01", "150", "100");
        body.put("reusedKwh", 151);
        post(body).statusCode(400).body("errors.field", contains("reusedKwh"));
    }

    @Test
    void rejectsAnImpossibleMonth() {
        post(report("2024-13", "150", "100")).statusCode(400).body("errors[0].field", equalTo("period"));
    }

    @Test
    void flagsAnImplausiblePueWithoutRejectingIt() {
        post(report("2024-07", "3100", "1000")).statusCode(201).body("qualityFlags", hasItem("PUE_ABOVE_3"));
    }

    @Test
    void flagsAGapBeforeAMonth() {
        post(report("2024-01", "1500", "1000")).statusCode(201).body("qualityFlags", empty());
        post(report("2024-04", "1500", "1000")).statusCode(201).body("qualityFlags", contains("GAP_BEFORE"));
    }

    @Test
    void anOperatorCannotReportForAnotherOperatorsDataCenter() {
        String other = createOrganization("OPERATOR");
        as(TestTokens.operator(other))
                .body(report("2024-01", "150", "100"))
                .post("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as(TestTokens.operator(other))
                .body(List.of(batchRow(dc, "2024-01", "150", "100")))
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(403)
                .body("errors[0].row", equalTo(1));
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .body("total", equalTo(0));
    }

    static Map<String, Object> batchRow(String code, String period, String facility, String it) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataCenterCode", code);
        row.putAll(report(period, facility, it));
        return row;
    }

    @Test
    void aBatchWithOneBadRowStoresNothingAndNamesTheRow() {
        List<Map<String, Object>> rows = List.of(
                batchRow(dc, "2024-01", "1500", "1000"),
                batchRow(dc, "2024-02", "900", "1000"),
                batchRow(dc, "2024-03", "1500", "1000"));
        as(TestTokens.operator(operator))
                .body(rows)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("facilityKwh"));
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void aBatchNamesEveryBadRowIncludingUnreadableOnes() {
        Map<String, Object> unreadable = batchRow(dc, "2024-02", "1500", "1000");
        unreadable.put("itKwh", "lots");
        List<Map<String, Object>> rows = List.of(
                batchRow(dc, "2024-01", "1500", "1000"), unreadable, batchRow("NO-SUCH-DC", "2024-03", "1500", "1000"));
        as(TestTokens.regulator())
                .body(rows)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(400)
                .body("errors.row", contains(2));
        rows = List.of(
                batchRow(dc, "2024-01", "1500", "1000"),
                batchRow("NO-SUCH-DC", "2024-03", "1500", "1000"),
                batchRow(dc, "2024-01", "1600", "1000"));
        as(TestTokens.regulator())
                .body(rows)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(400)
                .body("errors.row", contains(2, 3))
                .body("errors.field", contains("dataCenterCode", "period"));
    }

    @Test
    void aCsvBatchIsStoredWhole() {
        String csv = "dataCenterCode,period,facilityKwh,itKwh,renewableKwh\n"
                + dc + ",2024-01,1500.5,1000,\n"
                + dc + ",2024-02,1400,1000,100\n";
        as(TestTokens.operator(operator))
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/energy-reports/batches/"))
                .body("rows", equalTo(2))
                .body("dataCenters", equalTo(1))
                .body("firstPeriod", equalTo("2024-01"));
        as(TestTokens.operator(operator))
                .get("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .body("total", equalTo(2))
                .body("items[0].facilityKwh", equalTo(1500.5f))
                .body("items[1].renewableKwh", equalTo(100));
    }

    @Test
    void aBatchAnswersWithWhatItsPageShowsFlaggedRowsNumberedInOrder() {
        String other = createDataCenter(operator, 300, LocalDate.of(2010, 1, 1));
        // row 2 has an implausible PUE, row 3 follows a gap
        String csv = "dataCenterCode,period,facilityKwh,itKwh\n"
                + dc + ",2024-01,1500,1000\n"
                + other + ",2024-01,9000,1000\n"
                + dc + ",2024-03,1500,1000\n"
                + other + ",2024-02,1500,1000\n";
        io.restassured.response.Response stored = as(TestTokens.operator(operator))
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/energy-reports/batch");
        stored.then()
                .statusCode(201)
                .body("rows", equalTo(4))
                .body("dataCenters", equalTo(2))
                .body("flaggedRows.row", hasItem(2))
                .body("flaggedRows.row", hasItem(3));
        String page = as(TestTokens.operator(operator))
                .get(stored.header("Location"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(stored.asString()).isEqualTo(page);
    }

    @Test
    void aCsvBatchWithABadRowStoresNothing() {
        String csv = "dataCenterCode,period,facilityKwh,itKwh\n"
                + dc + ",2024-01,1500,1000\n"
                + dc + ",2024-02,abc,1000\n"
                + dc + ",2024-03,1500\n";
        as(TestTokens.operator(operator))
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.row", contains(2, 3))
                .body("errors[0].field", equalTo("facilityKwh"));
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void aBatchRepeatingAStoredMonthIsAConflictNamingTheRow() {
        post(report("2024-02", "1500", "1000")).statusCode(201);
        List<Map<String, Object>> rows =
                List.of(batchRow(dc, "2024-01", "1500", "1000"), batchRow(dc, "2024-02", "1500", "1000"));
        as(TestTokens.operator(operator))
                .body(rows)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(409)
                .body("errors[0].row", equalTo(2));
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .body("total", equalTo(1));
    }
}
