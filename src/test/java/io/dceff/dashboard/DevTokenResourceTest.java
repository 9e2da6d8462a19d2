package io.dceff.dashboard;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.creditCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's sign-in helper on the embedded default (the test application runs on it). */
@QuarkusTest
class DevTokenResourceTest {

    @Test
    void signsATokenTheApiAccepts() {
        given().get("/dev/token/available").then().statusCode(200).body("available", equalTo(true));
        String token = given().get("/dev/token?role=regulator")
                .then()
                .statusCode(200)
                .body("role", equalTo("regulator"))
                .extract()
                .path("token");
        as(token).get("/api/v1/districts/summary?year=2025").then().statusCode(200);
        String operator = given().get("/dev/token?role=operator&org=OP-X")
                .then()
                .statusCode(200)
                .body("org", equalTo("OP-X"))
                .extract()
                .path("token");
        as(operator).get("/api/v1/districts/summary?year=2025").then().statusCode(403);
    }

    @Test
    void namesTheOrganizationsADevelopmentSignInCanActFor() {
        String code = "A0-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        as(TestTokens.admin())
                .body(Map.of("code", code, "name", "Carrier " + code, "kind", "CARRIER", "creditCode", creditCode()))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        given().get("/dev/token/available")
                .then()
                .statusCode(200)
                .body("available", equalTo(true))
                .body("organizations.find { it.code == '" + code + "' }.kind", equalTo("CARRIER"))
                .body("organizations.find { it.code == '" + code + "' }.name", equalTo("Carrier " + code));
    }

    @Test
    void isNotPartOfTheApiContract() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/dev/token'", nullValue())
                .body("paths.'/api/v1/districts/summary'.get.summary", notNullValue());
    }

    @Test
    void rejectsAnUnknownRoleOrAMalformedOrganization() {
        given().get("/dev/token?role=root")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("role"));
        given().get("/dev/token").then().statusCode(400);
        given().get("/dev/token?role=operator&org=a%20b")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("org"));
    }
}
