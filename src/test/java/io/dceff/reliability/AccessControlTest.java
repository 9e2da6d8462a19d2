package io.dceff.reliability;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dceff.support.Api;
import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: every operation of the OpenAPI document against every kind of caller, from the rules
 * of API.md (Authentication and roles) written out below. An operation without a rule here fails the test,
 * so a new endpoint cannot ship without one. Then the tokens that must not get in.
 */
@QuarkusTest
class AccessControlTest {

    /** The callers: no token, the operator owning the data, another operator, a carrier, a regulator, an admin. */
    enum Who {
        NONE,
        OTHER_OPERATOR,
        CARRIER,
        OWNER,
        REGULATOR,
        ADMIN
    }

    private static final Set<Who> EVERYONE =
            EnumSet.of(Who.OWNER, Who.OTHER_OPERATOR, Who.CARRIER, Who.REGULATOR, Who.ADMIN);
    private static final Set<Who> OWNER_AND_OVERSIGHT = EnumSet.of(Who.OWNER, Who.REGULATOR, Who.ADMIN);
    private static final Set<Who> OPERATORS_AND_OVERSIGHT =
            EnumSet.of(Who.OWNER, Who.OTHER_OPERATOR, Who.REGULATOR, Who.ADMIN);
    private static final Set<Who> OVERSIGHT = EnumSet.of(Who.REGULATOR, Who.ADMIN);

    /** The callers allowed in (anything but 401/403); every other caller with a token gets 403, none 401. */
    private static final Map<String, Set<Who>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("GET /api/v1/districts", EVERYONE);
        RULES.put("GET /api/v1/districts/summary", OVERSIGHT);
        RULES.put("GET /api/v1/organizations", EVERYONE);
        RULES.put("GET /api/v1/organizations/{code}", EVERYONE);
        RULES.put("POST /api/v1/organizations", OVERSIGHT);
        RULES.put("GET /api/v1/data-centers", OPERATORS_AND_OVERSIGHT); // operators see their own
        RULES.put("POST /api/v1/data-centers", OWNER_AND_OVERSIGHT); // only under one's own operatorCode
        RULES.put("GET /api/v1/data-centers/{code}", OWNER_AND_OVERSIGHT);
        RULES.put("PUT /api/v1/data-centers/{code}", OWNER_AND_OVERSIGHT);
        RULES.put("POST /api/v1/data-centers/{code}/status-changes", OWNER_AND_OVERSIGHT);
        RULES.put("GET /api/v1/data-centers/{code}/status-history", OWNER_AND_OVERSIGHT);
        RULES.put("GET /api/v1/data-centers/{code}/audit", OVERSIGHT);
        RULES.put("GET /api/v1/data-centers/{code}/energy-reports", OWNER_AND_OVERSIGHT);
        RULES.put("POST /api/v1/data-centers/{code}/energy-reports", OWNER_AND_OVERSIGHT);
        RULES.put("PUT /api/v1/data-centers/{code}/energy-reports/{period}", OWNER_AND_OVERSIGHT);
        RULES.put("GET /api/v1/data-centers/{code}/energy-reports/{period}/revisions", OWNER_AND_OVERSIGHT);
        RULES.put("GET /api/v1/data-centers/{code}/pue", OWNER_AND_OVERSIGHT);
        RULES.put("GET /api/v1/data-centers/{code}/closure-status", OWNER_AND_OVERSIGHT);
        RULES.put("GET /api/v1/data-centers/{code}/star-ratings", OWNER_AND_OVERSIGHT);
        RULES.put("POST /api/v1/data-centers/{code}/star-ratings", OWNER_AND_OVERSIGHT);
        RULES.put("POST /api/v1/energy-reports/batch", OWNER_AND_OVERSIGHT);
        RULES.put("GET /api/v1/energy-reports/batches/{id}", OWNER_AND_OVERSIGHT);
        RULES.put("GET /api/v1/energy-reports/template", OPERATORS_AND_OVERSIGHT);
        RULES.put("GET /api/v1/reporting-reminders", OPERATORS_AND_OVERSIGHT); // operators see their own
        RULES.put("GET /api/v1/reporting-gaps", OPERATORS_AND_OVERSIGHT); // operators see their own
        RULES.put("GET /api/v1/rating-schemes", EVERYONE);
        RULES.put("GET /api/v1/base-stations", EnumSet.of(Who.CARRIER, Who.REGULATOR, Who.ADMIN));
        RULES.put("POST /api/v1/base-stations/batch", EnumSet.of(Who.CARRIER));
        RULES.put(
                "GET /api/v1/base-stations/sharing",
                EnumSet.of(Who.CARRIER, Who.REGULATOR, Who.ADMIN)); // a carrier its own
        RULES.put("GET /api/v1/base-stations/template", EnumSet.of(Who.CARRIER, Who.REGULATOR, Who.ADMIN));
        RULES.put("GET /api/v1/base-stations/unshared", OVERSIGHT);
        RULES.put("GET /api/v1/closure-candidates", OVERSIGHT);
        RULES.put("GET /api/v1/closure-candidates/watch-list", OVERSIGHT);
        RULES.put("GET /api/v1/closure-candidates/export", OVERSIGHT);
        RULES.put("GET /api/v1/closure-candidates/{code}/consolidation", OVERSIGHT);
        RULES.put("GET /api/v1/closure-candidates/{code}/decisions", OVERSIGHT);
        RULES.put("POST /api/v1/closure-candidates/{code}/decisions", OVERSIGHT);
        RULES.put("GET /api/v1/assessments", OVERSIGHT);
        RULES.put("POST /api/v1/assessments", OVERSIGHT);
        RULES.put("GET /api/v1/assessments/{id}", OVERSIGHT);
        RULES.put("GET /api/v1/assessments/{id}/revisions", OVERSIGHT);
        RULES.put("GET /api/v1/targets", OVERSIGHT);
        RULES.put("GET /api/v1/targets/years", OVERSIGHT);
        RULES.put("GET /api/v1/job-runs", OVERSIGHT);
    }

    private final AtomicInteger month = new AtomicInteger();

    private String ownerOrg;
    private String dc;
    private long batchId;
    private long assessmentId;

    private String token(Who who, String otherOperator, String carrier) {
        return switch (who) {
            case NONE -> null;
            case OWNER -> TestTokens.operator(ownerOrg);
            case OTHER_OPERATOR -> TestTokens.operator(otherOperator);
            case CARRIER -> TestTokens.carrier(carrier);
            case REGULATOR -> TestTokens.regulator();
            case ADMIN -> TestTokens.admin();
        };
    }

    private String nextMonth() {
        int m = month.getAndIncrement();
        return LocalDate.of(1986, 1, 1).plusMonths(m).toString().substring(0, 7);
    }

    /** A valid body for each write, so that only the caller decides the outcome. */
    private Object body(String operation) {
        Map<String, Supplier<Object>> bodies = new LinkedHashMap<>();
        bodies.put(
                "POST /api/v1/organizations",
                () -> Map.of(
                        "code",
                        Api.uniqueCode("OP"),
                        "name",
                        "Matrix org",
                        "kind",
                        "OPERATOR",
                        "creditCode",
                        Api.creditCode()));
        bodies.put(
                "POST /api/v1/data-centers",
                () -> Api.dataCenter(Api.uniqueCode("DC"), ownerOrg, 200, LocalDate.of(1980, 1, 1)));
        bodies.put(
                "PUT /api/v1/data-centers/{code}", () -> Api.dataCenter(dc, ownerOrg, 300, LocalDate.of(1980, 1, 1)));
        bodies.put("POST /api/v1/data-centers/{code}/status-changes", () -> Map.of("status", "OPERATING"));
        bodies.put(
                "POST /api/v1/data-centers/{code}/energy-reports",
                () -> Map.of("period", nextMonth(), "facilityKwh", 1500, "itKwh", 1000));
        bodies.put(
                "PUT /api/v1/data-centers/{code}/energy-reports/{period}",
                () -> Map.of("period", "1985-06", "facilityKwh", 1450, "itKwh", 1000));
        bodies.put(
                "POST /api/v1/data-centers/{code}/star-ratings",
                () -> Map.of("declaration", Map.of("designPue", 1.15, "designWue", 2.0, "meteringCategory", 1)));
        bodies.put(
                "POST /api/v1/energy-reports/batch",
                () -> List.of(Map.of("dataCenterCode", dc, "period", nextMonth(), "facilityKwh", 1500, "itKwh", 1000)));
        bodies.put(
                "POST /api/v1/base-stations/batch",
                () -> List.of(Map.of(
                        "siteId",
                        Api.uniqueCode("S"),
                        "district",
                        "310115",
                        "technology",
                        "5G",
                        "builtOn",
                        "2024-01-01")));
        bodies.put(
                "POST /api/v1/closure-candidates/{code}/decisions",
                () -> Map.of("action", "RETIRE", "note", "access-control matrix"));
        bodies.put("POST /api/v1/assessments", () -> Map.of("asOf", "2026-10-31"));
        Supplier<Object> body = bodies.get(operation);
        assertThat(body).as("a valid body for " + operation).isNotNull();
        return body.get();
    }

    @Test
    void everyOperationOfTheOpenApiDocumentAnswersEveryCallerAsTheRulesSay() {
        ownerOrg = createOrganization("OPERATOR");
        String otherOperator = createOrganization("OPERATOR");
        String carrier = createOrganization("CARRIER");
        dc = createDataCenter(ownerOrg, 300, LocalDate.of(1980, 1, 1));
        as(TestTokens.operator(ownerOrg))
                .body(Map.of("period", "1985-06", "facilityKwh", 1500, "itKwh", 1000))
                .post("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .statusCode(201);
        batchId = ((Number) as(TestTokens.operator(ownerOrg))
                        .body(List.of(
                                Map.of("dataCenterCode", dc, "period", "1985-07", "facilityKwh", 1500, "itKwh", 1000)))
                        .post("/api/v1/energy-reports/batch")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        assessmentId = ((Number) as(TestTokens.regulator())
                        .body(Map.of("asOf", "2026-10-31"))
                        .post("/api/v1/assessments")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();

        Map<String, Object> openapi = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        Set<String> operations = new TreeSet<>();
        openapi.forEach((path, item) -> ((Map<?, ?>) item)
                .keySet().stream()
                        .map(Object::toString)
                        .filter(m ->
                                Set.of("get", "post", "put", "patch", "delete").contains(m))
                        .forEach(m -> operations.add(m.toUpperCase() + " " + path)));
        assertThat(operations).as("operations without an access rule").allMatch(RULES::containsKey);
        assertThat(RULES.keySet()).as("rules without an operation").allMatch(operations::contains);

        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            String path = template.replace("{period}", "1985-06")
                    .replace("{code}", template.startsWith("/api/v1/organizations") ? ownerOrg : dc)
                    .replace("{id}", Long.toString(template.contains("assessments") ? assessmentId : batchId));
            for (Who who : Who.values()) { // the denied callers come first: they must change nothing
                String token = token(who, otherOperator, carrier);
                RequestSpecification request = given().contentType(ContentType.JSON)
                        .queryParam("year", 2024)
                        .queryParam("period", "1985-06");
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                if (!method.equals("GET")) {
                    request.body(body(operation));
                }
                int status = request.request(method, path).statusCode();
                calls++;
                boolean allowed = RULES.get(operation).contains(who);
                boolean ok = who == Who.NONE
                        ? status == 401
                        : allowed ? status != 401 && status != 403 && status < 500 : status == 403;
                if (!ok) {
                    failures.add(operation + " as " + who + ": " + status + (allowed ? " (allowed)" : " (denied)"));
                }
            }
        }
        assertThat(failures).as("calls answered against the rules").isEmpty();
        assertThat(calls).isEqualTo(operations.size() * Who.values().length);
    }

    @Test
    void tokensThatMustNotGetIn() throws Exception {
        String op = createOrganization("OPERATOR");
        String path = "/api/v1/organizations";
        var expired = Jwt.issuer("dceff-dev")
                .subject("x")
                .groups(Set.of("regulator"))
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign(TestTokens.key());
        var notYetValid = Jwt.issuer("dceff-dev")
                .subject("x")
                .groups(Set.of("regulator"))
                .claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())
                .expiresIn(7200)
                .sign(TestTokens.key());
        var wrongIssuer = Jwt.issuer("someone-else")
                .subject("x")
                .groups(Set.of("regulator"))
                .expiresIn(600)
                .sign(TestTokens.key());
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var wrongKey = Jwt.issuer("dceff-dev")
                .subject("x")
                .groups(Set.of("regulator"))
                .expiresIn(600)
                .sign(generator.generateKeyPair().getPrivate());
        String payload = "{\"iss\":\"dceff-dev\",\"sub\":\"x\",\"groups\":[\"regulator\"],\"exp\":"
                + Instant.now().plusSeconds(600).getEpochSecond() + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String algNone = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
        for (String bad : List.of(expired, notYetValid, wrongIssuer, wrongKey, algNone, "not-a-jwt")) {
            given().header("Authorization", "Bearer " + bad)
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .get(path)
                .then()
                .statusCode(401);

        // an operator token without its org claim reaches nothing of any operator
        String dc = createDataCenter(op, 200, LocalDate.of(1980, 1, 1));
        String noOrg = TestTokens.token("operator", null);
        given().header("Authorization", "Bearer " + noOrg)
                .contentType(ContentType.JSON)
                .body(Map.of("period", "2012-03", "facilityKwh", 1500, "itKwh", 1000))
                .post("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .statusCode(403)
                .body("detail", equalTo("Your token names no organization (the \"org\" claim)"));
        given().header("Authorization", "Bearer " + noOrg)
                .get("/api/v1/data-centers")
                .then()
                .statusCode(403);
    }
}
