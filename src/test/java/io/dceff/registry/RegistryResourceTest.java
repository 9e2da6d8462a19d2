package io.dceff.registry;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static io.dceff.support.Api.dataCenter;
import static io.dceff.support.Api.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.dceff.support.Api;
import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistryResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final LocalDate COMMISSIONED = LocalDate.of(2012, 5, 1);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void listsTheSixteenDistrictsWithBothNames() {
        as(TestTokens.carrier("ANY"))
                .get("/api/v1/districts")
                .then()
                .statusCode(200)
                .body("$", hasSize(16))
                .body("find { it.code == '310115' }.nameZh", equalTo("浦东新区"))
                .body("find { it.code == '310151' }.nameEn", equalTo("Chongming"));
    }

    @Test
    void registersAnOrganizationWithLocation() {
        String code = uniqueCode("OP");
        as(TestTokens.regulator())
                .body(Map.of("code", code, "name", "申江测试数据", "kind", "OPERATOR", "creditCode", Api.creditCode()))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/organizations/" + code))
                .body("code", equalTo(code))
                .body("kind", equalTo("OPERATOR"));
        as(TestTokens.operator(code))
                .get("/api/v1/organizations/" + code)
                .then()
                .statusCode(200)
                .body("name", equalTo("申江测试数据"));
    }

    @Test
    void rejectsACreditCodeWithAWrongCheckDigit() {
        String valid = Api.creditCode();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        as(TestTokens.admin())
                .body(Map.of(
                        "code",
                        uniqueCode("OP"),
                        "name",
                        "x",
                        "kind",
                        "OPERATOR",
                        "creditCode",
                        valid.substring(0, 17) + wrong))
                .post("/api/v1/organizations")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("creditCode"))
                .body("errors[0].message", containsString("check digit"));
    }

    @Test
    void aDuplicateOrganizationCodeIsAConflict() {
        String code = createOrganization("OPERATOR");
        as(TestTokens.admin())
                .body(Map.of("code", code, "name", "again", "kind", "OPERATOR", "creditCode", Api.creditCode()))
                .post("/api/v1/organizations")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("status", equalTo(409));
    }

    @Test
    void operatorsCannotRegisterOrganizations() {
        as(TestTokens.operator("X"))
                .body(Map.of("code", uniqueCode("OP"), "name", "x", "kind", "OPERATOR", "creditCode", Api.creditCode()))
                .post("/api/v1/organizations")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void anOperatorRegistersAndReadsItsDataCenter() {
        String operator = createOrganization("OPERATOR");
        String code = uniqueCode("DC");
        as(TestTokens.operator(operator))
                .body(dataCenter(code, operator, 120, COMMISSIONED))
                .post("/api/v1/data-centers")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/data-centers/" + code))
                .body("status", equalTo("OPERATING"))
                .body("racks", equalTo(120));
        as(TestTokens.operator(operator))
                .get("/api/v1/data-centers/" + code)
                .then()
                .statusCode(200)
                .body("district", equalTo("310101"))
                .body("commissionedOn", equalTo("2012-05-01"));
        as(TestTokens.operator(operator))
                .get("/api/v1/data-centers/" + code + "/status-history")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].toStatus", equalTo("OPERATING"));
    }

    @Test
    void rejectsAnUnknownDistrict() {
        String operator = createOrganization("OPERATOR");
        Map<String, Object> body = dataCenter(uniqueCode("DC"), operator, 100, COMMISSIONED);
        body.put("district", "310199");
        as(TestTokens.operator(operator))
                .body(body)
                .post("/api/v1/data-centers")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("district"));
    }

    @Test
    void rejectsZeroRacks() {
        String operator = createOrganization("OPERATOR");
        Map<String, Object> body = dataCenter(uniqueCode("DC"), operator, 0, COMMISSIONED);
        as(TestTokens.operator(operator))
                .body(body)
                .post("/api/v1/data-centers")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("racks"));
    }

    @Test
    void aDuplicateDataCenterCodeIsAConflict() {
        String operator = createOrganization("OPERATOR");
        String code = createDataCenter(operator, 100, COMMISSIONED);
        as(TestTokens.operator(operator))
                .body(dataCenter(code, operator, 100, COMMISSIONED))
                .post("/api/v1/data-centers")
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
    }

    @Test
    void malformedJsonIsABadRequest() {
        as(TestTokens.regulator())
                .body("{\"code\": \"X\", \"racks\": ")
                .post("/api/v1/data-centers")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("title", equalTo("Malformed request"));
    }

    @Test
    void aWrongTypeNamesItsField() {
        String operator = createOrganization("OPERATOR");
        Map<String, Object> body = dataCenter(uniqueCode("DC"), operator, 100, COMMISSIONED);
        body.put("racks", "many");
        as(TestTokens.operator(operator))
                .body(body)
                .post("/api/v1/data-centers")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("racks"));
    }

    @Test
    void noTokenIsUnauthorized() {
        given().get("/api/v1/data-centers")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthorized() {
        String forged = TestTokens.regulator();
        String tampered = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA"
                + forged.substring(forged.lastIndexOf('.') + 5);
        given().header("Authorization", "Bearer " + tampered)
                .get("/api/v1/data-centers")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
    }

    @Test
    void anOperatorCannotRegisterForAnotherOperator() {
        String mine = createOrganization("OPERATOR");
        String theirs = createOrganization("OPERATOR");
        as(TestTokens.operator(mine))
                .body(dataCenter(uniqueCode("DC"), theirs, 100, COMMISSIONED))
                .post("/api/v1/data-centers")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void anOperatorCannotSeeOrChangeAnotherOperatorsDataCenter() {
        String mine = createOrganization("OPERATOR");
        String theirs = createOrganization("OPERATOR");
        String code = createDataCenter(theirs, 100, COMMISSIONED);
        as(TestTokens.operator(mine))
                .get("/api/v1/data-centers/" + code)
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as(TestTokens.operator(mine))
                .body(dataCenter(code, theirs, 200, COMMISSIONED))
                .put("/api/v1/data-centers/" + code)
                .then()
                .statusCode(403);
        as(TestTokens.operator(mine))
                .get("/api/v1/data-centers?operator=" + theirs)
                .then()
                .statusCode(403);
    }

    @Test
    void anOperatorsListHoldsOnlyItsOwnDataCenters() {
        String mine = createOrganization("OPERATOR");
        String theirs = createOrganization("OPERATOR");
        String own = createDataCenter(mine, 100, COMMISSIONED);
        createDataCenter(theirs, 100, COMMISSIONED);
        as(TestTokens.operator(mine))
                .get("/api/v1/data-centers")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].code", equalTo(own))
                .body("items.operatorCode", everyItem(equalTo(mine)));
    }

    @Test
    void carriersCannotWriteOrListDataCenters() {
        String operator = createOrganization("OPERATOR");
        as(TestTokens.carrier("CAR-X"))
                .body(dataCenter(uniqueCode("DC"), operator, 100, COMMISSIONED))
                .post("/api/v1/data-centers")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as(TestTokens.carrier("CAR-X")).get("/api/v1/data-centers").then().statusCode(403);
    }

    @Test
    void regulatorsFilterAndPage() {
        String operator = createOrganization("OPERATOR");
        for (int i = 0; i < 3; i++) {
            createDataCenter(operator, 100 + i, COMMISSIONED);
        }
        as(TestTokens.regulator())
                .get("/api/v1/data-centers?operator=" + operator + "&district=310101&size=2&page=1")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("items", hasSize(1));
        as(TestTokens.regulator())
                .get("/api/v1/data-centers?size=501")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void regulatorsExportTheListAsCsv() {
        String operator = createOrganization("OPERATOR");
        String code = createDataCenter(operator, 321, COMMISSIONED);
        String csv = as(TestTokens.regulator())
                .accept("text/csv")
                .get("/api/v1/data-centers?operator=" + operator)
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\r?\n");
        assertThat(lines[0]).startsWith("code,name,operatorCode,district");
        assertThat(lines[1]).startsWith(code + ",").contains(",321,");
    }

    @Test
    void anUpdateChangesStatusAndKeepsTheHistory() {
        String operator = createOrganization("OPERATOR");
        String code = createDataCenter(operator, 100, COMMISSIONED);
        Map<String, Object> body = dataCenter(code, operator, 150, COMMISSIONED);
        body.put("status", "CONSOLIDATING");
        body.put("statusNote", "merging into a new campus");
        as(TestTokens.regulator())
                .body(body)
                .put("/api/v1/data-centers/" + code)
                .then()
                .statusCode(200)
                .body("racks", equalTo(150))
                .body("status", equalTo("CONSOLIDATING"));
        as(TestTokens.regulator())
                .body(Map.of("status", "CLOSED", "effectiveOn", "2026-01-31", "note", "switched off"))
                .post("/api/v1/data-centers/" + code + "/status-changes")
                .then()
                .statusCode(201)
                .body("status", equalTo("CLOSED"));
        as(TestTokens.operator(operator))
                .get("/api/v1/data-centers/" + code + "/status-history")
                .then()
                .statusCode(200)
                .body("toStatus", contains("OPERATING", "CONSOLIDATING", "CLOSED"))
                .body("[1].note", equalTo("merging into a new campus"))
                .body("[2].effectiveOn", equalTo("2026-01-31"))
                .body("[2].changedBy", equalTo("regulator"));
    }

    @Test
    void aZeroCarbonCertificationCarriesItsDate() {
        String operator = createOrganization("OPERATOR");
        String code = uniqueCode("DC");
        Map<String, Object> body = dataCenter(code, operator, 800, COMMISSIONED);
        body.put("zeroCarbonCertifiedOn", "2024-05-01");
        as(TestTokens.operator(operator))
                .body(body)
                .post("/api/v1/data-centers")
                .then()
                .statusCode(201)
                .body("zeroCarbon", equalTo(true))
                .body("zeroCarbonCertifiedOn", equalTo("2024-05-01"));
        // an update that says zeroCarbon without the date keeps the date; one that drops the flag drops it
        body.remove("zeroCarbonCertifiedOn");
        body.put("zeroCarbon", true);
        body.put("racks", 900);
        as(TestTokens.operator(operator))
                .body(body)
                .put("/api/v1/data-centers/" + code)
                .then()
                .statusCode(200)
                .body("racks", equalTo(900))
                .body("zeroCarbonCertifiedOn", equalTo("2024-05-01"));
        body.put("zeroCarbon", false);
        as(TestTokens.operator(operator))
                .body(body)
                .put("/api/v1/data-centers/" + code)
                .then()
                .statusCode(200)
                .body("zeroCarbon", equalTo(false))
                .body("zeroCarbonCertifiedOn", nullValue());
        // zeroCarbon without a date: certified the day it is recorded
        body.put("zeroCarbon", true);
        String before = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String certified = as(TestTokens.operator(operator))
                .body(body)
                .put("/api/v1/data-centers/" + code)
                .then()
                .statusCode(200)
                .body("zeroCarbon", equalTo(true))
                .extract()
                .path("zeroCarbonCertifiedOn");
        String after = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(certified).isIn(before, after);
    }

    @Test
    void aCertificationDateNeedsAZeroCarbonSiteAndAPastDay() {
        String operator = createOrganization("OPERATOR");
        Map<String, Object> body = dataCenter(uniqueCode("DC"), operator, 800, COMMISSIONED);
        body.put("zeroCarbon", false);
        body.put("zeroCarbonCertifiedOn", "2024-05-01");
        as(TestTokens.operator(operator))
                .body(body)
                .post("/api/v1/data-centers")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("zeroCarbonCertifiedOn"));
        body.put("zeroCarbon", true);
        body.put(
                "zeroCarbonCertifiedOn",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString());
        as(TestTokens.operator(operator))
                .body(body)
                .post("/api/v1/data-centers")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("zeroCarbonCertifiedOn"))
                .body("errors[0].message", containsString("future"));
    }

    @Test
    void anUpdateCannotChangeTheCode() {
        String operator = createOrganization("OPERATOR");
        String code = createDataCenter(operator, 100, COMMISSIONED);
        as(TestTokens.operator(operator))
                .body(dataCenter(code + "X", operator, 100, COMMISSIONED))
                .put("/api/v1/data-centers/" + code)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void unknownThingsAreNotFoundProblems() {
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/NO-SUCH-DC")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(TestTokens.regulator())
                .get("/api/v1/no-such-route")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void aWrongMediaTypeIsUnsupported() {
        as(TestTokens.regulator())
                .contentType(ContentType.XML)
                .body("<dc/>")
                .post("/api/v1/data-centers")
                .then()
                .statusCode(415)
                .contentType(PROBLEM);
    }
}
