package io.dceff.dashboard;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createOrganization;
import static io.dceff.support.Api.dataCenter;
import static io.dceff.support.Api.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/districts/summary in 2008, a year no other test and no sample data reaches with reports; site
 * counts are compared before and after, since the sample data has sites commissioned before 2008.
 */
@QuarkusTest
class DistrictSummaryResourceTest {

    private static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    private static final String DISTRICT = "310117";

    private static JsonPath summary(int year) {
        return as(TestTokens.regulator())
                .get("/api/v1/districts/summary?year=" + year)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(EXACT);
    }

    /** Whole numbers come back as integers, the others as BigDecimal: compare them all as decimals. */
    private static BigDecimal decimal(JsonPath answer, String path) {
        return new BigDecimal(answer.getString(path));
    }

    private static String item(String field) {
        return "items.find { it.code == '" + DISTRICT + "' }." + field;
    }

    private static String site(String operator, int racks, LocalDate commissionedOn) {
        String code = uniqueCode("DC");
        Map<String, Object> body = dataCenter(code, operator, racks, commissionedOn);
        body.put("district", DISTRICT);
        as(TestTokens.operator(operator))
                .body(body)
                .post("/api/v1/data-centers")
                .then()
                .statusCode(201);
        return code;
    }

    private static void report(String operator, String dc, String period, int facility, int it) {
        as(TestTokens.operator(operator))
                .body(List.of(Map.of("dataCenterCode", dc, "period", period, "facilityKwh", facility, "itKwh", it)))
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201);
    }

    @Test
    void sumsTheYearsEnergyAndCountsSitesOperatingAtTheYearsEnd() {
        JsonPath before = summary(2008);
        String op = createOrganization("OPERATOR");
        String small = site(op, 100, LocalDate.of(2005, 1, 1));
        String large = site(op, 250, LocalDate.of(2006, 1, 1));
        site(op, 400, LocalDate.of(2009, 5, 1)); // commissioned after the year: not counted
        String closed = site(op, 70, LocalDate.of(2004, 1, 1));
        as(TestTokens.regulator())
                .body(Map.of("status", "CLOSED", "effectiveOn", "2008-06-30"))
                .post("/api/v1/data-centers/" + closed + "/status-changes")
                .then()
                .statusCode(201);
        report(op, small, "2008-03", 1500, 1000);
        report(op, small, "2007-12", 9000, 1000); // the year before: not summed
        report(op, large, "2008-11", 2600, 2000);
        report(op, closed, "2008-02", 1800, 1000); // closed by the year's end, but its energy counts

        JsonPath after = summary(2008);
        assertThat(after.getList("items")).hasSize(16);
        assertThat(after.getString("measuredAt")).isEqualTo("2008-12-31");
        assertThat(after.getLong(item("dataCenters")) - before.getLong(item("dataCenters")))
                .isEqualTo(2);
        assertThat(after.getLong(item("racks")) - before.getLong(item("racks"))).isEqualTo(350);
        assertThat(after.getLong(item("reportingDataCenters")) - before.getLong(item("reportingDataCenters")))
                .isEqualTo(3);
        BigDecimal facility = decimal(after, item("facilityKwh"));
        BigDecimal it = decimal(after, item("itKwh"));
        assertThat(facility.subtract(decimal(before, item("facilityKwh")))).isEqualByComparingTo("5900");
        assertThat(it.subtract(decimal(before, item("itKwh")))).isEqualByComparingTo("4000");
        // energy-weighted: Σ facility ÷ Σ IT, not the mean of the sites' PUEs
        assertThat(decimal(after, item("pue"))).isEqualByComparingTo(facility.divide(it, 3, RoundingMode.HALF_UP));
    }

    @Test
    void aDistrictWithoutReportsHasNoPue() {
        JsonPath answer = summary(2001);
        assertThat(answer.<Object>get("items.find { it.code == '310151' }.pue")).isNull();
        assertThat(decimal(answer, "items.find { it.code == '310151' }.itKwh")).isEqualByComparingTo("0");
    }

    @Test
    void theYearIsRequiredAndOnlyRegulatorsMayAsk() {
        as(TestTokens.regulator())
                .get("/api/v1/districts/summary")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"));
        as(TestTokens.regulator())
                .get("/api/v1/districts/summary?year=1800")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(TestTokens.regulator())
                .get("/api/v1/districts/summary?year=abc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"));
        as(TestTokens.operator("OP"))
                .get("/api/v1/districts/summary?year=2025")
                .then()
                .statusCode(403);
        given().get("/api/v1/districts/summary?year=2025").then().statusCode(401);
    }

    @Test
    void alsoAsCsv() {
        String csv = as(TestTokens.regulator())
                .accept("text/csv")
                .get("/api/v1/districts/summary?year=2008")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("code,nameZh,nameEn,dataCenters,racks,reportingDataCenters,facilityKwh,itKwh,pue");
        assertThat(csv.lines().count()).isEqualTo(17);
    }
}
