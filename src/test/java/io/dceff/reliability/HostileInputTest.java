package io.dceff.reliability;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dceff.support.Api;
import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-input corpus (src/test/resources/hostile/cases.json): every case answers its 4xx as a
 * problem, never a 500, and leaves nothing stored. Text that only looks hostile (SQL, emoji, formulas)
 * is stored as given and neutralised where it leaves as CSV. Hostile workbooks (encrypted, malformed, zip
 * bombs) are files under hostile/xlsx, written by make-hostile-workbooks.py there. A case may name words its
 * detail must contain ("detail"); no detail shows the code's internals (an exception, a stack frame).
 */
@QuarkusTest
class HostileInputTest {

    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static JsonNode corpus() throws IOException {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/cases.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static byte[] body(JsonNode c, String dc, String op) throws IOException {
        if (c.has("bodyFile")) {
            try (InputStream in = HostileInputTest.class.getResourceAsStream(
                    "/hostile/" + c.get("bodyFile").asText())) {
                return in.readAllBytes();
            }
        }
        if (c.has("bodyBase64")) {
            String text =
                    new String(Base64.getDecoder().decode(c.get("bodyBase64").asText()), StandardCharsets.ISO_8859_1);
            return text.replace("{dc}", dc).getBytes(StandardCharsets.ISO_8859_1);
        }
        if (c.has("bodyPadded")) {
            JsonNode p = c.get("bodyPadded");
            StringBuilder text = new StringBuilder(p.get("before").asText());
            text.append(p.get("fill").asText().repeat(p.get("bytes").asInt()));
            return text.append(p.get("after").asText()).toString().getBytes(StandardCharsets.UTF_8);
        }
        return c.get("body")
                .asText()
                .replace("{dc}", dc)
                .replace("{op}", op)
                .replace("{new}", Api.uniqueCode("DC"))
                .getBytes(StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> everyHostileCaseIsAClear4xxAndStoresNothing() throws IOException {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, LocalDate.of(2012, 1, 1));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : corpus()) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                Response answer = given().config(RAW)
                        .header("Authorization", "Bearer " + TestTokens.operator(op))
                        .contentType(c.get("contentType").asText())
                        .body(body(c, dc, op))
                        .post(c.get("path").asText().replace("{dc}", dc));
                assertThat(answer.statusCode())
                        .as(answer.asString())
                        .isEqualTo(c.get("status").asInt());
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.jsonPath().getInt("status"))
                        .isEqualTo(c.get("status").asInt());
                assertThat(answer.jsonPath().getString("detail"))
                        .isNotBlank()
                        .as("no internals of the code leak into the answer")
                        .doesNotContainPattern("\\bnull not found\\b|Exception|\\tat ");
                if (c.has("detail")) {
                    assertThat(answer.jsonPath().getString("detail"))
                            .contains(c.get("detail").asText());
                }
                if (c.has("field")) {
                    assertThat(answer.jsonPath().getList("errors.field", String.class))
                            .anyMatch(f -> f.endsWith(c.get("field").asText()));
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("nothing was stored by any case", () -> {
            as(TestTokens.regulator())
                    .get("/api/v1/data-centers/" + dc + "/energy-reports")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(0));
            as(TestTokens.regulator())
                    .queryParam("operator", op)
                    .get("/api/v1/data-centers")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(1));
        }));
        return tests.stream();
    }

    @Test
    void sqlMetacharactersAndEmojiInNamesAreStoredAsGiven() {
        String op = createOrganization("OPERATOR");
        for (String name : List.of(
                "Robert'); DROP TABLE data_center; -- 机房", "浦东机房 🚀🌏 ‮txt.exe", "\\\\ % _ \" ' ` ; /* */ OR 1=1")) {
            String code = Api.uniqueCode("DC");
            Map<String, Object> body = new HashMap<>(Api.dataCenter(code, op, 120, LocalDate.of(2014, 5, 1)));
            body.put("name", name);
            as(TestTokens.operator(op))
                    .body(body)
                    .post("/api/v1/data-centers")
                    .then()
                    .statusCode(201);
            as(TestTokens.regulator())
                    .get("/api/v1/data-centers/" + code)
                    .then()
                    .statusCode(200)
                    .body("name", equalTo(name));
        }
        as(TestTokens.regulator())
                .queryParam("operator", op)
                .get("/api/v1/data-centers")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(3));
    }

    @Test
    void aBomBeforeTheHeaderIsAccepted() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, LocalDate.of(2012, 1, 1));
        String csv = "\ufeffdataCenterCode,period,facilityKwh,itKwh\r\n" + dc + ",2024-01,1500,1000\r\n";
        given().config(RAW)
                .header("Authorization", "Bearer " + TestTokens.operator(op))
                .contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201);
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .body("items.period", equalTo(List.of("2024-01")));
    }

    @Test
    void formulasInTextAreNeutralisedInCsvExports() {
        String op = createOrganization("OPERATOR");
        String code = Api.uniqueCode("DC");
        Map<String, Object> body = new HashMap<>(Api.dataCenter(code, op, 120, LocalDate.of(2014, 5, 1)));
        String formula = "=cmd|' /C calc'!A0";
        body.put("name", formula);
        as(TestTokens.operator(op))
                .body(body)
                .post("/api/v1/data-centers")
                .then()
                .statusCode(201);
        as(TestTokens.regulator()).get("/api/v1/data-centers/" + code).then().body("name", equalTo(formula));
        String csv = as(TestTokens.regulator())
                .accept("text/csv")
                .queryParam("operator", op)
                .get("/api/v1/data-centers")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv).contains("'=cmd|' /C calc'!A0").doesNotContain("," + formula);
        String carrier = createOrganization("CARRIER");
        given().config(RAW)
                .header("Authorization", "Bearer " + TestTokens.carrier(carrier))
                .contentType("text/csv")
                .body(
                        "siteId,district,technology,builtOn,sharedWith\n\"@SUM(1+1)*cmd|' /C calc'!A0\",310115,5G,2024-05-01,\n")
                .post("/api/v1/base-stations/batch")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("siteId"))
                .body("errors[0].row", equalTo(1));
    }
}
