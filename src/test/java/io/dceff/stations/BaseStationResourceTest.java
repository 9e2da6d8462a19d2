package io.dceff.stations;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createOrganization;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BaseStationResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static Map<String, Object> site(
            String siteId, String district, String technology, String builtOn, String... sharedWith) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("siteId", siteId);
        row.put("district", district);
        row.put("technology", technology);
        row.put("builtOn", builtOn);
        row.put("sharedWith", List.of(sharedWith));
        return row;
    }

    @Test
    void aKnownSiteIsUpdatedNotDuplicated() {
        String carrier = createOrganization("CARRIER");
        as(TestTokens.carrier(carrier))
                .body(List.of(site("S-1", "310101", "4G", "2020-05-01")))
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(1))
                .body("updated", equalTo(0));
        as(TestTokens.carrier(carrier))
                .body(List.of(site("S-1", "310104", "5G", "2020-05-01"), site("S-2", "310101", "5G", "2021-01-01")))
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(1))
                .body("updated", equalTo(1));
        as(TestTokens.carrier(carrier))
                .get("/api/v1/base-stations")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].siteId", equalTo("S-1"))
                .body("items[0].technology", equalTo("5G"))
                .body("items[0].district", equalTo("310104"));
    }

    @Test
    void aBatchWithOneBadRowStoresNothingAndNamesIt() {
        String carrier = createOrganization("CARRIER");
        List<Map<String, Object>> rows = List.of(
                site("A-1", "310101", "4G", "2020-05-01"),
                site("A-2", "999999", "4G", "2020-05-01"),
                site("A-3", "310101", "4G", "2020-05-01"));
        as(TestTokens.carrier(carrier))
                .body(rows)
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("district"));
        as(TestTokens.carrier(carrier)).get("/api/v1/base-stations").then().body("total", equalTo(0));
    }

    @Test
    void aCarrierCannotReportForOrSeeAnotherCarrier() {
        String mine = createOrganization("CARRIER");
        String theirs = createOrganization("CARRIER");
        as(TestTokens.carrier(theirs))
                .body(List.of(site("T-1", "310101", "4G", "2020-05-01")))
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(200);
        // the body has no carrier field: naming one is refused, not used
        Map<String, Object> smuggled = site("T-1", "310101", "5G", "2020-05-01");
        smuggled.put("carrier", theirs);
        as(TestTokens.carrier(mine))
                .body(List.of(smuggled))
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("carrier"));
        as(TestTokens.carrier(mine))
                .body(List.of(site("M-1", "310101", "4G", "2020-05-01", mine)))
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sharedWith"));
        as(TestTokens.carrier(mine))
                .get("/api/v1/base-stations?carrier=" + theirs)
                .then()
                .statusCode(403);
        as(TestTokens.carrier(mine)).get("/api/v1/base-stations").then().body("total", equalTo(0));
        as(TestTokens.operator("OP"))
                .body(List.of(site("O-1", "310101", "4G", "2020-05-01")))
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(403);
        as(TestTokens.regulator())
                .get("/api/v1/base-stations?carrier=" + theirs)
                .then()
                .body("total", equalTo(1))
                .body("items[0].technology", equalTo("4G"));
    }

    @Test
    void aCsvBatchIsReadWithSharedCarriersInOneCell() {
        String carrier = createOrganization("CARRIER");
        String other = createOrganization("CARRIER");
        String csv = "siteId,district,technology,builtOn,sharedWith\n"
                + "C-1,310115,5G,2022-03-01," + other + "\n"
                + "C-2,310115,5G,2022-03-02,\n";
        as(TestTokens.carrier(carrier))
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(2));
        as(TestTokens.carrier(carrier))
                .get("/api/v1/base-stations?shared=true")
                .then()
                .body("total", equalTo(1))
                .body("items[0].sharedWith", contains(other))
                .body("items[0].shared", equalTo(true));
    }

    @Test
    void sharingRatesMatchTheCounts() {
        // 2011 holds no sample data: only the sites below.
        // carrier A: three new sites in 310101, two shared; carrier B: one new site in 310104, shared;
        // one site of A built in 2012 does not count.
        String a = createOrganization("CARRIER");
        String b = createOrganization("CARRIER");
        as(TestTokens.carrier(a))
                .body(List.of(
                        site("R-1", "310101", "4G", "2011-01-10", b),
                        site("R-2", "310101", "4G", "2011-06-30", b),
                        site("R-3", "310101", "4G", "2011-12-31"),
                        site("R-4", "310101", "4G", "2012-01-01")))
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(200);
        as(TestTokens.carrier(b))
                .body(List.of(site("R-1", "310104", "4G", "2011-03-01", a)))
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(200);
        // overall: 4 new builds, 3 shared → 0.75; 310101: 2 of 3 → 0.6667; 310104: 1 of 1 → 1
        as(TestTokens.regulator())
                .get("/api/v1/base-stations/sharing?year=2011&groupBy=district")
                .then()
                .statusCode(200)
                .body("overall.newBuilds", equalTo(4))
                .body("overall.shared", equalTo(3))
                .body("overall.rate", equalTo(0.75f))
                .body("items.key", contains("310101", "310104"))
                .body("items[0].rate", equalTo(0.6667f))
                .body("items[1].rate", equalTo(1.0f));
        as(TestTokens.regulator())
                .get("/api/v1/base-stations/sharing?year=2011&groupBy=carrier")
                .then()
                .body("items.find { it.key == '" + a + "' }.newBuilds", equalTo(3))
                .body("items.find { it.key == '" + b + "' }.shared", equalTo(1));
        as(TestTokens.regulator())
                .get("/api/v1/base-stations/unshared?year=2011")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].siteId", equalTo("R-3"));
        // a carrier sees its own rates only, and may not ask for another's; a regulator may ask for one carrier's
        as(TestTokens.carrier(a))
                .get("/api/v1/base-stations/sharing?year=2011")
                .then()
                .statusCode(200)
                .body("overall.newBuilds", equalTo(3))
                .body("overall.shared", equalTo(2))
                .body("items.key", contains("310101"));
        as(TestTokens.carrier(a))
                .get("/api/v1/base-stations/sharing?year=2011&carrier=" + b)
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as(TestTokens.regulator())
                .get("/api/v1/base-stations/sharing?year=2011&carrier=" + b)
                .then()
                .statusCode(200)
                .body("overall.newBuilds", equalTo(1))
                .body("items.key", contains("310104"));
        as(TestTokens.regulator())
                .get("/api/v1/base-stations/sharing?year=2011&groupBy=color")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("groupBy"));
    }
}
