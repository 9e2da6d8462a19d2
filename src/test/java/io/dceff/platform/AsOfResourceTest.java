package io.dceff.platform;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createOrganization;
import static io.dceff.support.Api.dataCenter;
import static io.dceff.support.Api.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every figure as of its date through the API: the candidate list as of a day and the targets of a year (measured
 * at its end) are the same before and after a later decision, certification or assessment is recorded. Each test
 * works in years of its own that the sample data does not reach (its reports start in 2022).
 */
@QuarkusTest
class AsOfResourceTest {

    private static final LocalDate OLD = LocalDate.of(2000, 1, 1);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String site(String operator, int racks, LocalDate commissionedOn, String district) {
        String code = uniqueCode("DC");
        Map<String, Object> body = dataCenter(code, operator, racks, commissionedOn);
        body.put("district", district);
        as(TestTokens.operator(operator))
                .body(body)
                .post("/api/v1/data-centers")
                .then()
                .statusCode(201);
        return code;
    }

    /** The same figures for every month of a year. */
    private static void reportYear(String operator, String dc, int year, int facility, int it) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            rows.add(Map.of(
                    "dataCenterCode",
                    dc,
                    "period",
                    YearMonth.of(year, m).toString(),
                    "facilityKwh",
                    facility,
                    "itKwh",
                    it));
        }
        as(TestTokens.operator(operator))
                .body(rows)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201);
    }

    private static Map<String, Object> candidates(String query) {
        return as(TestTokens.regulator())
                .get("/api/v1/closure-candidates?size=500&" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    private static JsonPath targets(String query) {
        return as(TestTokens.regulator())
                .get("/api/v1/targets?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String target(String id) {
        return "items.find { it.id == '" + id + "' }";
    }

    private static long assess(String asOf) {
        return ((Number) as(TestTokens.regulator())
                        .body(Map.of("asOf", asOf))
                        .post("/api/v1/assessments")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    @Test
    void theCandidateListAsOfADayIsTheSameAfterALaterDecisionOrAssessment() {
        String op = createOrganization("OPERATOR");
        String candidate = site(op, 300, OLD, "310107");
        String receiving = site(op, 3000, LocalDate.of(2010, 1, 1), "310107");
        reportYear(op, candidate, 2017, 1900, 1000);
        reportYear(op, receiving, 2017, 1200, 1000);
        String asOf = "asOf=2017-12-31&operator=" + op;
        Map<String, Object> before = candidates(asOf);
        JsonPath targetsBefore = targets("year=2017");
        // IT 12 000 kWh a year × (1.9 − the reference 1.3)
        assertThat(JsonPath.from(as(TestTokens.regulator())
                                .get("/api/v1/closure-candidates?" + asOf)
                                .asString())
                        .getInt("items.find { it.dataCenter.code == '" + candidate + "' }.annualSavingKwh"))
                .isEqualTo(7200);

        // a merge decided the day after: no assessment lists the site by then, so the decision names none
        as(TestTokens.regulator())
                .body(Map.of("action", "MERGE", "receivingSite", receiving, "decidedOn", "2018-01-01"))
                .post("/api/v1/closure-candidates/" + candidate + "/decisions")
                .then()
                .statusCode(201)
                .body("assessmentId", nullValue());
        assess("2018-06-30");

        assertThat(candidates(asOf)).isEqualTo(before);
        assertThat(targets("year=2017").getMap("")).isEqualTo(targetsBefore.getMap(""));
        // on the decision's own day it is in force: the site is consolidating, no longer an operating candidate
        assertThat(JsonPath.from(as(TestTokens.regulator())
                                .get("/api/v1/closure-candidates?asOf=2018-01-01&operator=" + op)
                                .asString())
                        .getList("items.dataCenter.code"))
                .doesNotContain(candidate);
    }

    @Test
    void theTargetsOfAYearAreTheSameAfterALaterCertification() {
        String op = createOrganization("OPERATOR");
        String lastDay = uniqueCode("DC");
        Map<String, Object> certified = dataCenter(lastDay, op, 1200, LocalDate.of(2012, 1, 1));
        certified.put("zeroCarbonCertifiedOn", "2018-12-31");
        as(TestTokens.operator(op))
                .body(certified)
                .post("/api/v1/data-centers")
                .then()
                .statusCode(201);
        String later = site(op, 1200, LocalDate.of(2012, 1, 1), "310101");
        JsonPath before = targets("year=2018");
        assertThat(before.<List<String>>get(target("ZERO_CARBON_DCS") + ".basis.dataCenters"))
                .contains(lastDay)
                .doesNotContain(later);

        Map<String, Object> body = dataCenter(later, op, 1200, LocalDate.of(2012, 1, 1));
        body.put("zeroCarbonCertifiedOn", "2019-01-01");
        as(TestTokens.operator(op))
                .body(body)
                .put("/api/v1/data-centers/" + later)
                .then()
                .statusCode(200)
                .body("zeroCarbonCertifiedOn", equalTo("2019-01-01"));

        assertThat(targets("year=2018").getMap("")).isEqualTo(before.getMap(""));
        assertThat(targets("year=2019").<List<String>>get(target("ZERO_CARBON_DCS") + ".basis.dataCenters"))
                .contains(lastDay, later);
    }

    @Test
    void closureProgressOfAYearIsTheSameAfterALaterDecisionOrAssessment() {
        String op = createOrganization("OPERATOR");
        String chongming = site(op, 300, OLD, "310151");
        String huangpu = site(op, 300, OLD, "310101");
        reportYear(op, chongming, 2016, 1900, 1000);
        reportYear(op, huangpu, 2016, 1900, 1000);

        // no assessment as of the end of 2016 yet: no figure, and a status that says so
        JsonPath none = targets("year=2016");
        assertThat(none.<Object>get(target("CLOSURE_PROGRESS") + ".actual")).isNull();
        assertThat(none.getString(target("CLOSURE_PROGRESS") + ".status")).isEqualTo("NO_BASELINE");

        long baseline = assess("2016-12-31");
        JsonPath city = targets("year=2016");
        JsonPath district = targets("year=2016&district=310151");
        assertThat(city.getLong(target("CLOSURE_PROGRESS") + ".basis.assessment"))
                .isEqualTo(baseline);
        // with a district, its own candidates are the baseline and all of them the target
        assertThat(district.getInt(target("CLOSURE_PROGRESS") + ".basis.candidates"))
                .isEqualTo(1);
        assertThat(district.getDouble(target("CLOSURE_PROGRESS") + ".target")).isEqualTo(1.0);
        assertThat(district.getDouble(target("CLOSURE_PROGRESS") + ".actual")).isZero();
        JsonPath empty = targets("year=2016&district=310120");
        assertThat(empty.<Object>get(target("CLOSURE_PROGRESS") + ".actual")).isNull();
        assertThat(empty.getString(target("CLOSURE_PROGRESS") + ".status")).isEqualTo("NO_BASELINE");

        // a closure decided after the year's end, on the evidence of the baseline; then a later assessment
        as(TestTokens.regulator())
                .body(Map.of("action", "CLOSE", "decidedOn", "2017-01-01"))
                .post("/api/v1/closure-candidates/" + chongming + "/decisions")
                .then()
                .statusCode(201)
                .body("assessmentId", equalTo((int) baseline));
        long later = assess("2017-06-30");

        assertThat(targets("year=2016").getMap("")).isEqualTo(city.getMap(""));
        assertThat(targets("year=2016&district=310151").getMap("")).isEqualTo(district.getMap(""));
        // in 2017 the decision is in force, and the baseline is still the first assessment as of the date
        JsonPath next = targets("year=2017&district=310151");
        assertThat(next.getLong(target("CLOSURE_PROGRESS") + ".basis.assessment"))
                .isEqualTo(baseline);
        assertThat(next.<List<String>>get(target("CLOSURE_PROGRESS") + ".basis.consolidatingOrClosed"))
                .containsExactly(chongming);
        assertThat(next.getString(target("CLOSURE_PROGRESS") + ".status")).isEqualTo("MET");
        // an assessment as of a later date is no baseline for an earlier year
        as(TestTokens.regulator())
                .get("/api/v1/targets?year=2016&assessment=" + later)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("assessment"));
    }

    @Test
    void aTargetNotMetWhenTheDeadlineIsOverIsMissedNotBehind() {
        String carrier = createOrganization("CARRIER");
        as(TestTokens.carrier(carrier))
                .body(List.of(Map.of(
                        "siteId",
                        uniqueCode("BS"),
                        "district",
                        "310151",
                        "technology",
                        "5G",
                        "builtOn",
                        "2026-01-15",
                        "sharedWith",
                        List.of())))
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(200);
        JsonPath answer = targets("year=2026&district=310151");
        assertThat(answer.getDouble(target("NEW_BASE_STATION_SHARING") + ".actual"))
                .isLessThan(1.0);
        assertThat(answer.getString(target("NEW_BASE_STATION_SHARING") + ".status"))
                .isEqualTo("MISSED");
    }

    @Test
    void aDecisionNamesOnlyAnAssessmentThatListsTheSiteByItsDay() {
        String op = createOrganization("OPERATOR");
        String dc = site(op, 300, OLD, "310109");
        reportYear(op, dc, 2019, 1950, 1000);
        long assessment = assess("2019-12-31");
        String unlisted = site(op, 300, OLD, "310109");
        as(TestTokens.regulator())
                .body(Map.of("action", "CLOSE", "decidedOn", "2019-12-30", "assessmentId", assessment))
                .post("/api/v1/closure-candidates/" + dc + "/decisions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("assessmentId"));
        as(TestTokens.regulator())
                .body(Map.of("action", "CLOSE", "decidedOn", "2020-01-05", "assessmentId", assessment))
                .post("/api/v1/closure-candidates/" + unlisted + "/decisions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("assessmentId"));
        as(TestTokens.regulator())
                .body(Map.of("action", "CLOSE", "decidedOn", "2020-01-05", "assessmentId", assessment))
                .post("/api/v1/closure-candidates/" + dc + "/decisions")
                .then()
                .statusCode(201)
                .body("assessmentId", equalTo((int) assessment));
    }
}
