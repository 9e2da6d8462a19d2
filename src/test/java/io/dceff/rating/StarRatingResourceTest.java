package io.dceff.rating;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StarRatingResourceTest {

    private static Map<String, Object> declaration() {
        Map<String, Object> d = new HashMap<>();
        d.put("designPue", 1.15);
        d.put("designWue", 2.0);
        d.put("meteringCategory", 1);
        return d;
    }

    @Test
    void anOperatorRatesItsDataCenterAndTheRatingIsKept() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 2000, LocalDate.of(2024, 1, 1));
        // pue 40 + water 10 = 50 → 2 stars
        as(TestTokens.operator(op))
                .body(Map.of("declaration", declaration()))
                .post("/api/v1/data-centers/" + dc + "/star-ratings")
                .then()
                .statusCode(201)
                .body("stars", equalTo(2))
                .body("score", equalTo(50.0f))
                .body("scheme", equalTo("green-design-v1"))
                .body("version", equalTo("1.0"))
                .body("criteria", hasSize(9))
                .body("criteria.find { it.id == 'water' }.evidence", equalTo("designWue 2 ≤ 2 → 10"))
                .body("nextStar.stars", equalTo(3))
                .body("nextStar.pointsMissing", equalTo(10.0f));
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/star-ratings")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].version", equalTo("1.0"))
                .body("[0].declaration.designPue", equalTo(1.15f));
    }

    @Test
    void declarationsAreValidated() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 2000, LocalDate.of(2024, 1, 1));
        Map<String, Object> d = declaration();
        d.put("renewableShare", 1.2);
        d.put("meteringCategory", 4);
        d.put("designPue", 0.9);
        as(TestTokens.operator(op))
                .body(Map.of("declaration", d))
                .post("/api/v1/data-centers/" + dc + "/star-ratings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("declaration.renewableShare"))
                .body("errors.field", hasItem("declaration.meteringCategory"))
                .body("errors.field", hasItem("declaration.designPue"));
        as(TestTokens.operator(op))
                .body(Map.of("scheme", "no-such-scheme", "declaration", declaration()))
                .post("/api/v1/data-centers/" + dc + "/star-ratings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("scheme"));
    }

    @Test
    void operatorsRateOnlyTheirOwnRegulatorsAny() {
        String op = createOrganization("OPERATOR");
        String other = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 2000, LocalDate.of(2024, 1, 1));
        as(TestTokens.operator(other))
                .body(Map.of("declaration", declaration()))
                .post("/api/v1/data-centers/" + dc + "/star-ratings")
                .then()
                .statusCode(403);
        as(TestTokens.regulator())
                .body(Map.of("declaration", declaration()))
                .post("/api/v1/data-centers/" + dc + "/star-ratings")
                .then()
                .statusCode(201);
        as(TestTokens.carrier("CAR"))
                .get("/api/v1/data-centers/" + dc + "/star-ratings")
                .then()
                .statusCode(403);
    }

    @Test
    void listsTheLoadedSchemes() {
        as(TestTokens.carrier("CAR"))
                .get("/api/v1/rating-schemes")
                .then()
                .statusCode(200)
                .body("id", hasItem("green-design-v1"))
                .body("find { it.id == 'green-design-v1' }.criteria", hasSize(9));
    }
}
