package io.dceff.closure;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.dceff.support.Api;
import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClosureResourceTest {

    private static final LocalDate OLD = LocalDate.of(2010, 1, 1);
    // window of 2025-06-30: 2024-07 … 2025-06
    private static final YearMonth FIRST = YearMonth.of(2024, 7);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Reports the same figures for {@code months} months from {@code first}. */
    private static void report(String operator, String dc, YearMonth first, int months, String facility, String it) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dataCenterCode", dc);
            row.put("period", first.plusMonths(i).toString());
            row.put("facilityKwh", new BigDecimal(facility));
            row.put("itKwh", new BigDecimal(it));
            rows.add(row);
        }
        as(TestTokens.operator(operator))
                .body(rows)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201);
    }

    private static JsonPath candidates(String query) {
        return as(TestTokens.regulator())
                .get("/api/v1/closure-candidates?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void eachBoundaryOfTheRule() {
        String op = createOrganization("OPERATOR");
        String pue1701 = createDataCenter(op, 500, OLD);
        String pue1700 = createDataCenter(op, 500, OLD);
        String racks800 = createDataCenter(op, 800, OLD);
        String racks801 = createDataCenter(op, 801, OLD);
        String tenYears = createDataCenter(op, 500, LocalDate.of(2015, 6, 30));
        String dayShort = createDataCenter(op, 500, LocalDate.of(2015, 7, 1));
        report(op, pue1701, FIRST, 12, "1701", "1000");
        report(op, pue1700, FIRST, 12, "1700", "1000");
        report(op, racks800, FIRST, 12, "1800", "1000");
        report(op, racks801, FIRST, 12, "1800", "1000");
        report(op, tenYears, FIRST, 12, "1800", "1000");
        report(op, dayShort, FIRST, 12, "1800", "1000");

        JsonPath answer = candidates("asOf=2025-06-30&operator=" + op);
        assertThat(answer.getList("items.dataCenter.code")).containsExactlyInAnyOrder(pue1701, racks800, tenYears);
        assertThat(answer.getString("window.first")).isEqualTo("2024-07");
        assertThat(answer.getString("window.last")).isEqualTo("2025-06");
        assertThat(answer.getFloat("thresholds.pueAbove")).isEqualTo(1.7f);
        Map<String, Object> item = answer.getMap("items.find { it.dataCenter.code == '" + pue1701 + "' }");
        assertThat(item).containsEntry("status", "CANDIDATE").containsEntry("monthsOfData", 12);
        assertThat(answer.getFloat("items.find { it.dataCenter.code == '" + pue1701 + "' }.criteria.pue.value"))
                .isEqualTo(1.701f);
        assertThat(answer.getBoolean("items.find { it.dataCenter.code == '" + racks800 + "' }.criteria.racks.met"))
                .isTrue();
        assertThat(answer.getInt("items.find { it.dataCenter.code == '" + tenYears + "' }.yearsInOperation"))
                .isEqualTo(10);

        JsonPath watch = as(TestTokens.regulator())
                .get("/api/v1/closure-candidates/watch-list?asOf=2025-06-30&operator=" + op)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(watch.getList("items.dataCenter.code")).containsExactlyInAnyOrder(pue1700, racks801, dayShort);
        assertThat(watch.getBoolean("items.find { it.dataCenter.code == '" + pue1700 + "' }.criteria.pue.met"))
                .isFalse();
    }

    @Test
    void theWindowOfADateInTheMiddleOfAMonthEndsTheMonthBefore() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, OLD);
        report(op, dc, YearMonth.of(2025, 6), 1, "2000", "1000");
        // at 2025-06-30 June counts; at 2025-06-15 the window is 2024-06 … 2025-05 and holds no report
        candidates("asOf=2025-06-30&operator=" + op)
                .getList("items.status")
                .forEach(s -> assertThat(s).isEqualTo("CANDIDATE"));
        JsonPath mid = candidates("asOf=2025-06-15&operator=" + op);
        assertThat(mid.getString("window.last")).isEqualTo("2025-05");
        assertThat(mid.getList("items.status")).containsExactly("NO_DATA");
        assertThat(mid.getInt("items[0].monthsOfData")).isZero();
    }

    @Test
    void aSiteWithoutReportsIsListedAsNoData() {
        String op = createOrganization("OPERATOR");
        String silent = createDataCenter(op, 200, OLD);
        JsonPath answer = candidates("asOf=2025-06-30&operator=" + op);
        assertThat(answer.getList("items.dataCenter.code")).containsExactly(silent);
        assertThat(answer.getString("items[0].status")).isEqualTo("NO_DATA");
        assertThat(answer.getString("items[0].annualSavingKwh")).isNull();
    }

    @Test
    void theWindowPueIsEnergyWeightedAndTheSavingMatchesTheArithmetic() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, OLD);
        // two months: 400/200 = 2.0 and 1800/1000 = 1.8; mean 1.9; weighted 2200/1200 = 1.8333…
        report(op, dc, YearMonth.of(2024, 9), 1, "400", "200");
        report(op, dc, YearMonth.of(2025, 2), 1, "1800", "1000");
        JsonPath answer = candidates("asOf=2025-06-30&operator=" + op);
        assertThat(answer.getFloat("items[0].pue")).isEqualTo(1.833f);
        assertThat(answer.getInt("items[0].monthsOfData")).isEqualTo(2);
        // IT 1200 kWh in 2 months → 7200 a year; × (1.8333… − 1.3) = 3840 kWh;
        // × 0.1229 kgce/kWh = 471.936 kgce = 0.47 tce; × 0.42 kgCO2/kWh = 1612.8 kg = 1.61 tCO2
        assertThat(answer.getInt("items[0].annualSavingKwh")).isEqualTo(3840);
        assertThat(answer.getFloat("items[0].annualSavingTce")).isEqualTo(0.47f);
        assertThat(answer.getFloat("items[0].annualSavingTco2")).isEqualTo(1.61f);
        assertThat(answer.getList("factors.id")).contains("STANDARD_COAL_EQUIVALENT", "GRID_CO2_SHANGHAI");
    }

    @Test
    void theListFollowsEveryChangeAtOnceThoughRunsAreReused() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, OLD);
        report(op, dc, YearMonth.of(2024, 7), 12, "1900", "1000");
        String asOf = "asOf=2025-06-30&operator=" + op;
        assertThat(candidates(asOf).getString("items[0].status")).isEqualTo("CANDIDATE");
        assertThat(candidates(asOf).getString("items[0].status"))
                .as("the same run again")
                .isEqualTo("CANDIDATE");
        // a correction of one month: (11 × 1900 + 20 000) ÷ (11 × 1000 + 20 000) = 1.319, no longer a candidate
        as(TestTokens.operator(op))
                .body(Map.of("period", "2025-06", "facilityKwh", 20000, "itKwh", 20000))
                .put("/api/v1/data-centers/" + dc + "/energy-reports/2025-06")
                .then()
                .statusCode(200);
        assertThat(candidates(asOf).getList("items.dataCenter.code")).doesNotContain(dc);
        // more racks than the rule allows: an update of the data center counts too
        String bigger = createDataCenter(op, 300, OLD);
        report(op, bigger, YearMonth.of(2024, 7), 12, "1900", "1000");
        assertThat(candidates(asOf + "&status=CANDIDATE").getList("items.dataCenter.code"))
                .contains(bigger);
        as(TestTokens.operator(op))
                .body(Api.dataCenter(bigger, op, 900, OLD))
                .put("/api/v1/data-centers/" + bigger)
                .then()
                .statusCode(200);
        assertThat(candidates(asOf + "&status=CANDIDATE").getList("items.dataCenter.code"))
                .doesNotContain(bigger);
    }

    @Test
    void anAssessmentDoesNotChangeAfterALaterCorrection() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, OLD);
        report(op, dc, FIRST, 12, "1900", "1000");
        var created = as(TestTokens.regulator())
                .body(Map.of("asOf", "2025-06-30"))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract();
        String location = created.header("Location");
        String frozen = as(TestTokens.regulator())
                .get(location)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(JsonPath.from(frozen).getList("items.dataCenter.code")).contains(dc);

        Map<String, Object> fix = new LinkedHashMap<>();
        fix.put("period", "2025-01");
        fix.put("facilityKwh", 1000);
        fix.put("itKwh", 1000);
        for (int m = 0; m < 12; m++) {
            fix.put("period", FIRST.plusMonths(m).toString());
            as(TestTokens.operator(op))
                    .body(fix)
                    .put("/api/v1/data-centers/" + dc + "/energy-reports/" + FIRST.plusMonths(m))
                    .then()
                    .statusCode(200);
        }
        assertThat(candidates("asOf=2025-06-30&operator=" + op).getList("items"))
                .isEmpty();
        assertThat(as(TestTokens.regulator())
                        .get(location)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo(frozen);
        List<Map<String, Object>> revisions = as(TestTokens.regulator())
                .get(location + "/revisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.dataCenterCode == '" + dc + "' }");
        assertThat(revisions).contains(Map.of("dataCenterCode", dc, "period", "2025-06", "revision", 1));
        as(TestTokens.regulator())
                .get("/api/v1/assessments")
                .then()
                .statusCode(200)
                .body("id", hasItem(JsonPath.from(frozen).getInt("id")));
    }

    @Test
    void aDecisionMovesTheSiteToClosedAndKeepsEveryStep() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, OLD);
        String receiving = createDataCenter(op, 3000, LocalDate.of(2020, 1, 1));
        report(op, dc, FIRST, 12, "1900", "1000");
        as(TestTokens.regulator())
                .body(Map.of(
                        "action",
                        "MERGE",
                        "receivingSite",
                        receiving,
                        "decidedOn",
                        "2025-07-01",
                        "note",
                        "move to the new campus"))
                .post("/api/v1/closure-candidates/" + dc + "/decisions")
                .then()
                .statusCode(201)
                .body("statusAfter", equalTo("CONSOLIDATING"));
        as(TestTokens.regulator())
                .body(Map.of(
                        "action",
                        "MERGE",
                        "receivingSite",
                        receiving,
                        "decidedOn",
                        "2025-07-01",
                        "completedOn",
                        "2025-12-31"))
                .post("/api/v1/closure-candidates/" + dc + "/decisions")
                .then()
                .statusCode(201)
                .body("statusAfter", equalTo("CLOSED"));
        as(TestTokens.regulator()).get("/api/v1/data-centers/" + dc).then().body("status", equalTo("CLOSED"));
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/status-history")
                .then()
                .body("toStatus", contains("OPERATING", "CONSOLIDATING", "CLOSED"))
                .body("[2].effectiveOn", equalTo("2025-12-31"));
        as(TestTokens.regulator())
                .get("/api/v1/closure-candidates/" + dc + "/decisions")
                .then()
                .body("action", contains("MERGE", "MERGE"))
                .body("[0].receivingSite", equalTo(receiving));
        as(TestTokens.regulator())
                .body(Map.of("action", "MERGE"))
                .post("/api/v1/closure-candidates/" + receiving + "/decisions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("receivingSite"));
    }

    @Test
    void theCandidatesExportAsCsv() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, OLD);
        report(op, dc, FIRST, 12, "1900", "1000");
        String csv = as(TestTokens.regulator())
                .accept("text/csv")
                .get("/api/v1/closure-candidates?asOf=2025-06-30&operator=" + op)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = csv.split("\r?\n");
        assertThat(lines[0])
                .startsWith("dataCenter.code,dataCenter.name,dataCenter.operatorCode,dataCenter.district,status,pue");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(dc + ",").contains(",CANDIDATE,1.900,");
    }

    @Test
    void consolidationOptionsRankReceivingSites() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, OLD);
        report(op, dc, FIRST, 12, "1900", "1000");
        String receiving = createDataCenter(op, 3000, LocalDate.of(2020, 1, 1));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(Map.of(
                    "dataCenterCode",
                    receiving,
                    "period",
                    FIRST.plusMonths(i).toString(),
                    "facilityKwh",
                    1200,
                    "itKwh",
                    1000,
                    "racksInUse",
                    1000));
        }
        as(TestTokens.operator(op))
                .body(rows)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201);
        // candidate: IT 12 000 kWh a year × (1.9 − 1.2) = 8400 kWh if moved
        as(TestTokens.regulator())
                .get("/api/v1/closure-candidates/" + dc + "/consolidation?asOf=2025-06-30")
                .then()
                .statusCode(200)
                .body("find { it.code == '" + receiving + "' }.savingKwh", equalTo(8400))
                .body("find { it.code == '" + receiving + "' }.spareRacks", equalTo(2000))
                .body("code", not(hasItem(dc)));
    }

    @Test
    void operatorsAndCarriersAreForbidden() {
        as(TestTokens.operator("OP-ANY"))
                .get("/api/v1/closure-candidates")
                .then()
                .statusCode(403);
        as(TestTokens.carrier("CAR-ANY"))
                .get("/api/v1/closure-candidates")
                .then()
                .statusCode(403);
        as(TestTokens.operator("OP-ANY"))
                .body(Map.of("asOf", "2025-06-30"))
                .post("/api/v1/assessments")
                .then()
                .statusCode(403);
        as(TestTokens.carrier("CAR-ANY")).get("/api/v1/assessments").then().statusCode(403);
    }

    @Test
    void statusFilterAndPaging() {
        String op = createOrganization("OPERATOR");
        String a = createDataCenter(op, 300, OLD);
        String b = createDataCenter(op, 300, OLD);
        report(op, a, FIRST, 12, "1900", "1000");
        JsonPath noData = candidates("asOf=2025-06-30&status=NO_DATA&operator=" + op);
        assertThat(noData.getList("items.dataCenter.code")).containsExactly(b);
        JsonPath paged = candidates("asOf=2025-06-30&operator=" + op + "&size=1&page=1");
        assertThat(paged.getInt("total")).isEqualTo(2);
        assertThat(paged.getList("items")).hasSize(1);
        assertThat(List.of(a, b)).contains(paged.getString("items[0].dataCenter.code"));
    }

    @Test
    void anOperatorSeesItsOwnSitesStandingAndThePueToReachToLeaveTheCandidates() {
        String op = createOrganization("OPERATOR");
        String other = createOrganization("OPERATOR");
        String candidate = createDataCenter(op, 500, OLD);
        String fine = createDataCenter(op, 500, OLD);
        report(op, candidate, FIRST, 12, "190000", "100000");
        report(op, fine, FIRST, 12, "140000", "100000");
        as(TestTokens.operator(op))
                .get("/api/v1/data-centers/" + candidate + "/closure-status?asOf=2025-06-30")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANDIDATE"))
                .body("pueToLeave", equalTo(1.7f))
                .body("candidate.pue", equalTo(1.9f))
                .body("window.first", equalTo("2024-07"));
        as(TestTokens.operator(op))
                .get("/api/v1/data-centers/" + fine + "/closure-status?asOf=2025-06-30")
                .then()
                .statusCode(200)
                .body("pueToLeave", nullValue())
                .body("status", not(equalTo("CANDIDATE")));
        as(TestTokens.operator(other))
                .get("/api/v1/data-centers/" + candidate + "/closure-status")
                .then()
                .statusCode(403);
    }
}
