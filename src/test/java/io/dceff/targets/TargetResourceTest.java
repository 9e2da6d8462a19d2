package io.dceff.targets;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static io.dceff.support.Api.dataCenter;
import static io.dceff.support.Api.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Small worlds built through the API, in years the sample data does not reach (its reports start in 2022,
 * its base stations in 2015), each target's actual checked against arithmetic written out here.
 */
@QuarkusTest
class TargetResourceTest {

    private static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    private static final LocalDate OLD = LocalDate.of(2010, 1, 1);

    private static JsonPath targets(String query) {
        return as(TestTokens.regulator())
                .get("/api/v1/targets?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(EXACT);
    }

    private static String target(String id) {
        return "items.find { it.id == '" + id + "' }";
    }

    private static void report(String operator, String dc, String period, String facility, String it, String reused) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataCenterCode", dc);
        row.put("period", period);
        row.put("facilityKwh", new BigDecimal(facility));
        row.put("itKwh", new BigDecimal(it));
        if (reused != null) {
            row.put("reusedKwh", new BigDecimal(reused));
        }
        as(TestTokens.operator(operator))
                .body(List.of(row))
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201);
    }

    @Test
    void wasteHeatReuseCountsDataCentersThatReportedReusedEnergyInTheYear() {
        String op = createOrganization("OPERATOR");
        String reusing = createDataCenter(op, 500, OLD);
        String zero = createDataCenter(op, 500, OLD);
        String otherYear = createDataCenter(op, 500, OLD);
        report(op, reusing, "2011-03", "1500", "1000", "100");
        report(op, zero, "2011-03", "1500", "1000", "0");
        report(op, otherYear, "2010-12", "1500", "1000", "50");
        JsonPath answer = targets("year=2011");
        assertThat(answer.<List<String>>get(target("WASTE_HEAT_REUSE_DCS") + ".basis.dataCenters"))
                .containsExactly(reusing);
        assertThat(answer.getInt(target("WASTE_HEAT_REUSE_DCS") + ".actual")).isEqualTo(1);
        assertThat(answer.<BigDecimal>get(target("WASTE_HEAT_REUSE_DCS") + ".progress"))
                .isEqualByComparingTo("0.2");
        // 2011 is before the plan period: nothing had elapsed, so any progress is on track
        assertThat(answer.getString(target("WASTE_HEAT_REUSE_DCS") + ".status")).isEqualTo("ON_TRACK");
        assertThat(answer.getString(target("WASTE_HEAT_REUSE_DCS") + ".deadline"))
                .isEqualTo("2025-12-31");
    }

    private static String certifiedSite(String operator, LocalDate commissionedOn, String certifiedOn) {
        String code = uniqueCode("DC");
        Map<String, Object> body = dataCenter(code, operator, 800, commissionedOn);
        body.put("zeroCarbon", true);
        body.put("zeroCarbonCertifiedOn", certifiedOn);
        as(TestTokens.operator(operator))
                .body(body)
                .post("/api/v1/data-centers")
                .then()
                .statusCode(201);
        return code;
    }

    @Test
    void zeroCarbonCountsSitesCertifiedByTheYearsEndAndOperatingThen() {
        String op = createOrganization("OPERATOR");
        String lastDay = certifiedSite(op, OLD, "2014-12-31");
        String nextDay = certifiedSite(op, OLD, "2015-01-01");
        String notYetOperating = certifiedSite(op, LocalDate.of(2015, 3, 1), "2014-06-01");
        List<String> in2014 = targets("year=2014").get(target("ZERO_CARBON_DCS") + ".basis.dataCenters");
        assertThat(in2014).contains(lastDay).doesNotContain(nextDay, notYetOperating);
        List<String> in2015 = targets("year=2015").get(target("ZERO_CARBON_DCS") + ".basis.dataCenters");
        assertThat(in2015).contains(lastDay, nextDay, notYetOperating);
    }

    @Test
    void sharingIsTheYearsNewBuildsShared() {
        String a = createOrganization("CARRIER");
        String b = createOrganization("CARRIER");
        List<Map<String, Object>> sites = List.of(
                Map.of(
                        "siteId",
                        "T-1",
                        "district",
                        "310105",
                        "technology",
                        "4G",
                        "builtOn",
                        "2010-02-01",
                        "sharedWith",
                        List.of(b)),
                Map.of(
                        "siteId",
                        "T-2",
                        "district",
                        "310105",
                        "technology",
                        "4G",
                        "builtOn",
                        "2010-05-01",
                        "sharedWith",
                        List.of(b)),
                Map.of(
                        "siteId",
                        "T-3",
                        "district",
                        "310106",
                        "technology",
                        "4G",
                        "builtOn",
                        "2010-09-01",
                        "sharedWith",
                        List.of()));
        as(TestTokens.carrier(a))
                .body(sites)
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(200);
        // 2 shared of 3 → 0.6667; in 310105 alone 2 of 2 → 1, MET
        JsonPath answer = targets("year=2010");
        assertThat(answer.<BigDecimal>get(target("NEW_BASE_STATION_SHARING") + ".actual"))
                .isEqualByComparingTo("0.6667");
        assertThat(answer.<Integer>get(target("NEW_BASE_STATION_SHARING") + ".basis.newBuilds"))
                .isEqualTo(3);
        JsonPath district = targets("year=2010&district=310105");
        assertThat(district.getString(target("NEW_BASE_STATION_SHARING") + ".status"))
                .isEqualTo("MET");
    }

    @Test
    void theYearlyEnergySavingLeavesOutSitesThatReportedInOneYearOnly() {
        String op = createOrganization("OPERATOR");
        String steady = createDataCenter(op, 500, OLD);
        String grown = createDataCenter(op, 500, OLD);
        String newcomer = createDataCenter(op, 500, OLD);
        report(op, steady, "2012-06", "1500", "1000", null); // PUE 1.5
        report(op, steady, "2013-06", "1680", "1200", null); // PUE 1.4 at IT 1200: expected 1800
        report(op, grown, "2012-06", "2000", "1000", null); // PUE 2.0
        report(op, grown, "2013-06", "5700", "3000", null); // PUE 1.9 at three times the load: expected 6000
        report(op, newcomer, "2013-06", "3000", "1000", null); // only in 2013: left out
        // (1800 − 1680 + 6000 − 5700) / (1800 + 6000) = 420 / 7800 = 0.0538
        BigDecimal expected = new BigDecimal("420")
                .divide(new BigDecimal("7800"), MathContext.DECIMAL128)
                .setScale(4, RoundingMode.HALF_UP);
        JsonPath answer = targets("year=2013");
        assertThat(answer.<BigDecimal>get(target("ANNUAL_ENERGY_SAVING") + ".actual"))
                .isEqualByComparingTo(expected);
        assertThat(answer.<Integer>get(target("ANNUAL_ENERGY_SAVING") + ".basis.dataCenters"))
                .isEqualTo(2);
        assertThat(answer.getString(target("ANNUAL_ENERGY_SAVING") + ".status")).isEqualTo("MET");
    }

    @Test
    void closureProgressFollowsDecisionsOnTheAssessmentsCandidates() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, OLD);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            rows.add(Map.of(
                    "dataCenterCode",
                    dc,
                    "period",
                    YearMonth.of(2024, 7).plusMonths(m).toString(),
                    "facilityKwh",
                    1900,
                    "itKwh",
                    1000));
        }
        as(TestTokens.operator(op))
                .body(rows)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201);
        String location = as(TestTokens.regulator())
                .body(Map.of("asOf", "2025-06-30"))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        JsonPath assessment =
                as(TestTokens.regulator()).get(location).then().extract().jsonPath();
        List<String> candidates = assessment.getList("items.findAll { it.status == 'CANDIDATE' }.dataCenter.code");
        assertThat(candidates).contains(dc);

        JsonPath before = targets("year=2025&assessment=" + id);
        List<String> doneBefore = before.get(target("CLOSURE_PROGRESS") + ".basis.consolidatingOrClosed");
        assertThat(before.<Integer>get(target("CLOSURE_PROGRESS") + ".basis.candidates"))
                .isEqualTo(candidates.size());
        assertThat(before.<BigDecimal>get(target("CLOSURE_PROGRESS") + ".actual"))
                .isEqualByComparingTo(share(doneBefore.size(), candidates.size()));
        assertThat(doneBefore).doesNotContain(dc);

        as(TestTokens.regulator())
                .body(Map.of("action", "CLOSE", "decidedOn", "2025-08-01"))
                .post("/api/v1/closure-candidates/" + dc + "/decisions")
                .then()
                .statusCode(201);
        JsonPath after = targets("year=2025&assessment=" + id);
        List<String> doneAfter = after.get(target("CLOSURE_PROGRESS") + ".basis.consolidatingOrClosed");
        assertThat(doneAfter).containsAll(doneBefore).contains(dc).hasSize(doneBefore.size() + 1);
        assertThat(after.<BigDecimal>get(target("CLOSURE_PROGRESS") + ".actual"))
                .isEqualByComparingTo(share(doneAfter.size(), candidates.size()));
        // measured at the end of 2025, the deadline's day: anything short of 100% is missed
        if (doneAfter.size() < candidates.size()) {
            assertThat(after.getString(target("CLOSURE_PROGRESS") + ".status")).isEqualTo("MISSED");
        }
    }

    @Test
    void everyYearOfThePlanPeriodAndOnlyForRegulators() {
        JsonPath years = as(TestTokens.regulator())
                .get("/api/v1/targets/years")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(years.getList("id"))
                .containsExactly(
                        "WASTE_HEAT_REUSE_DCS",
                        "ZERO_CARBON_DCS",
                        "NEW_BASE_STATION_SHARING",
                        "ANNUAL_ENERGY_SAVING",
                        "CLOSURE_PROGRESS");
        assertThat(years.<List<Integer>>get("[0].years.year")).containsExactly(2022, 2023, 2024, 2025);
        as(TestTokens.operator("OP")).get("/api/v1/targets?year=2024").then().statusCode(403);
        as(TestTokens.regulator()).get("/api/v1/targets?year=1800").then().statusCode(400);
        int nextYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;
        as(TestTokens.regulator())
                .get("/api/v1/targets?year=" + nextYear)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"));
    }

    private static BigDecimal share(int done, int total) {
        return BigDecimal.valueOf(done).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    }
}
