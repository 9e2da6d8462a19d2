package io.dceff.dashboard;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/reporting-gaps: one operator's own sites, so other tests' data stays out of the way; an operator sees
 * only its own.
 */
@QuarkusTest
class ReportingGapResourceTest {

    @Test
    void listsEachSitesMissingMonthsMostMissingFirst() {
        String operator = createOrganization("OPERATOR");
        String complete = createDataCenter(operator, 100, LocalDate.of(2015, 1, 1));
        String gappy = createDataCenter(operator, 100, LocalDate.of(2015, 1, 1));
        String silent = createDataCenter(operator, 100, LocalDate.of(2026, 8, 1));
        List<Map<String, Object>> rows = List.of(
                Map.of("dataCenterCode", complete, "period", "2026-08", "facilityKwh", 150, "itKwh", 100),
                Map.of("dataCenterCode", complete, "period", "2026-09", "facilityKwh", 150, "itKwh", 100),
                Map.of("dataCenterCode", complete, "period", "2026-10", "facilityKwh", 150, "itKwh", 100),
                Map.of("dataCenterCode", gappy, "period", "2026-09", "facilityKwh", 150, "itKwh", 100));
        as(TestTokens.operator(operator))
                .body(rows)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201);

        as(TestTokens.regulator())
                .get("/api/v1/reporting-gaps?to=2026-10&months=3&operator=" + operator)
                .then()
                .statusCode(200)
                .body("from", equalTo("2026-08"), "to", equalTo("2026-10"), "total", equalTo(2))
                .body("items.code", contains(silent, gappy))
                .body("items[0].missing", contains("2026-08", "2026-09", "2026-10"))
                .body("items[1].missing", contains("2026-08", "2026-10"), "items[1].monthsOwed", equalTo(3));
        as(TestTokens.regulator())
                .get("/api/v1/reporting-gaps?to=2026-10&months=1&operator=" + operator)
                .then()
                .statusCode(200)
                .body("items", hasSize(2));
    }

    @Test
    void anOperatorSeesTheGapsOfItsOwnSitesOnly() {
        String operator = createOrganization("OPERATOR");
        String other = createOrganization("OPERATOR");
        String own = createDataCenter(operator, 100, LocalDate.of(2015, 1, 1));
        createDataCenter(other, 100, LocalDate.of(2015, 1, 1));

        as(TestTokens.operator(operator))
                .get("/api/v1/reporting-gaps?to=2026-10&months=2")
                .then()
                .statusCode(200)
                .body("items.code", contains(own))
                .body("items[0].missing", contains("2026-09", "2026-10"));
        as(TestTokens.operator(operator))
                .get("/api/v1/reporting-gaps?to=2026-10&months=2&operator=" + operator)
                .then()
                .statusCode(200)
                .body("items.code", contains(own));
        as(TestTokens.operator(operator))
                .get("/api/v1/reporting-gaps?to=2026-10&months=2&operator=" + other)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aMissingOrMalformedMonthIsA400() {
        as(TestTokens.regulator()).get("/api/v1/reporting-gaps").then().statusCode(400);
        as(TestTokens.regulator())
                .get("/api/v1/reporting-gaps?to=2026-13")
                .then()
                .statusCode(400);
        as(TestTokens.regulator())
                .get("/api/v1/reporting-gaps?to=2026-10&months=0")
                .then()
                .statusCode(400);
    }
}
