package io.dceff.support;

import static io.restassured.RestAssured.given;

import io.dceff.registry.CreditCode;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Building blocks for tests that make their own data through the API, with unique codes. */
public final class Api {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN =
            Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    private Api() {}

    public static String uniqueCode(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** A valid unified social credit code, unique in this run. */
    public static String creditCode() {
        String digits = String.format("%09d", Math.abs((RUN + SEQUENCE.incrementAndGet()).hashCode()) % 1_000_000_000);
        String first17 = "91310115" + digits;
        return first17 + CreditCode.checkCharacterFor(first17);
    }

    public static String createOrganization(String kind) {
        String code = uniqueCode(kind.equals("OPERATOR") ? "OP" : "CAR");
        as(TestTokens.admin())
                .body(Map.of("code", code, "name", "Test " + code, "kind", kind, "creditCode", creditCode()))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        return code;
    }

    public static Map<String, Object> dataCenter(String code, String operator, int racks, LocalDate commissionedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Test site " + code);
        body.put("operatorCode", operator);
        body.put("district", "310101");
        body.put("address", "1 Test Road");
        body.put("racks", racks);
        body.put("commissionedOn", commissionedOn.toString());
        return body;
    }

    public static String createDataCenter(String operator, int racks, LocalDate commissionedOn) {
        String code = uniqueCode("DC");
        as(TestTokens.operator(operator))
                .body(dataCenter(code, operator, racks, commissionedOn))
                .post("/api/v1/data-centers")
                .then()
                .statusCode(201);
        return code;
    }
}
