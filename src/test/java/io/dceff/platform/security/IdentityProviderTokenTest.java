package io.dceff.platform.security;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createOrganization;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.dceff.support.Api;
import io.dceff.support.IdentityProviderTestResource;
import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access tokens of the identity provider (a real OIDC server, verified through its discovery document and
 * JWKS) are accepted beside the development key, with roles from "groups" and the organization from "org";
 * expired tokens, tokens for another audience and tokens of another issuer are refused with a 401 problem.
 */
@QuarkusTest
class IdentityProviderTokenTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String provider(String role, String org) {
        return IdentityProviderTestResource.token(role, org);
    }

    @Test
    void anOperatorOfTheProviderSeesAndWritesOnlyItsOwnDataCenters() {
        String mine = createOrganization("OPERATOR");
        String theirs = createOrganization("OPERATOR");
        String theirDc = Api.createDataCenter(theirs, 200, LocalDate.of(2012, 1, 1));
        String code = Api.uniqueCode("DC");
        as(provider("operator", mine))
                .body(Api.dataCenter(code, mine, 300, LocalDate.of(2013, 4, 1)))
                .post("/api/v1/data-centers")
                .then()
                .statusCode(201);
        as(provider("operator", mine))
                .body(Map.of("period", "2024-01", "facilityKwh", 1500, "itKwh", 1000))
                .post("/api/v1/data-centers/" + code + "/energy-reports")
                .then()
                .statusCode(201)
                .body("revision", equalTo(1));
        as(provider("operator", mine))
                .get("/api/v1/data-centers")
                .then()
                .statusCode(200)
                .body("items.operatorCode", everyItem(equalTo(mine)))
                .body("items.code", hasItem(code));
        as(provider("operator", mine))
                .get("/api/v1/data-centers/" + theirDc)
                .then()
                .statusCode(403);
        as(provider("operator", mine))
                .body(Api.dataCenter(Api.uniqueCode("DC"), theirs, 300, LocalDate.of(2013, 4, 1)))
                .post("/api/v1/data-centers")
                .then()
                .statusCode(403);
    }

    @Test
    void aCarrierOfTheProviderReportsItsOwnBaseStations() {
        String carrier = createOrganization("CARRIER");
        String site = Api.uniqueCode("SITE");
        as(provider("carrier", carrier))
                .body(List.of(Map.of(
                        "siteId",
                        site,
                        "district",
                        "310115",
                        "technology",
                        "5G",
                        "builtOn",
                        "2024-05-01",
                        "sharedWith",
                        List.of())))
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(200);
        as(provider("carrier", carrier))
                .get("/api/v1/base-stations")
                .then()
                .statusCode(200)
                .body("items.siteId", equalTo(List.of(site)));
        as(provider("carrier", carrier)).get("/api/v1/data-centers").then().statusCode(403);
    }

    @Test
    void aRegulatorOfTheProviderReadsEveryOrganization() {
        String op = createOrganization("OPERATOR");
        String dc = Api.createDataCenter(op, 200, LocalDate.of(2012, 1, 1));
        as(provider("regulator", null))
                .get("/api/v1/data-centers/" + dc)
                .then()
                .statusCode(200)
                .body("operatorCode", equalTo(op));
        as(provider("regulator", null))
                .queryParam("asOf", "2025-06-30")
                .get("/api/v1/closure-candidates")
                .then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(0));
        as(provider("regulator", null))
                .body(Map.of(
                        "code", Api.uniqueCode("OP"), "name", "x", "kind", "OPERATOR", "creditCode", Api.creditCode()))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
    }

    @Test
    void theProviderAndTheDevelopmentKeyAreAcceptedSideBySide() {
        as(TestTokens.regulator()).get("/api/v1/districts").then().statusCode(200);
        as(provider("regulator", null)).get("/api/v1/districts").then().statusCode(200);
    }

    @Test
    void expiredWrongAudienceAndWrongIssuerTokensAreRefused() {
        Map<String, Object> regulator = Map.of("groups", List.of("regulator"));
        String realm = IdentityProviderTestResource.REALM;
        String expired = IdentityProviderTestResource.token(realm, "late", List.of("dceff"), regulator, -120);
        String otherAudience =
                IdentityProviderTestResource.token(realm, "lost", List.of("another-service"), regulator, 600);
        String otherIssuer =
                IdentityProviderTestResource.token("another-realm", "stranger", List.of("dceff"), regulator, 600);
        for (String bad : List.of(expired, otherAudience, otherIssuer)) {
            given().header("Authorization", "Bearer " + bad)
                    .get("/api/v1/districts")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("status", equalTo(401))
                    .header("WWW-Authenticate", not(equalTo(null)));
        }
    }

    @Test
    void rolesTheServiceDoesNotKnowGrantNothing() {
        String token = IdentityProviderTestResource.token(
                IdentityProviderTestResource.REALM,
                "visitor",
                List.of("dceff"),
                Map.of("groups", List.of("offline_access", "uma_authorization")),
                600);
        as(token).get("/api/v1/districts").then().statusCode(403);
    }
}
