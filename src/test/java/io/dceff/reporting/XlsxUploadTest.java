package io.dceff.reporting;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.dceff.support.TestTokens;
import io.dceff.support.Workbooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * XLSX on the batch endpoints: the same rows and the same row-numbered errors as CSV, all or nothing,
 * the templates' bilingual headers accepted, and a 100,000-row workbook of base stations read as a stream.
 */
@QuarkusTest
class XlsxUploadTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> REPORT_HEADER = List.of("dataCenterCode", "period", "facilityKwh", "itKwh", "racksInUse");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static ValidatableResponse upload(String token, String path, byte[] workbook) {
        return given().header("Authorization", "Bearer " + token)
                .contentType(XLSX)
                .body(workbook)
                .post(path)
                .then();
    }

    @Test
    void aWorkbookWithOneBadRowStoresNothingAndNamesTheRowAsCsvWould() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, LocalDate.of(2012, 1, 1));
        List<List<Object>> rows = List.of(
                List.of(dc, "2024-01", 1500, 1000, 200),
                List.of(dc, "2024-13", 1500, 1000, 200), // no such month
                List.of(dc, "2024-03", "lots", 1000, 200)); // not a number
        upload(TestTokens.operator(op), "/api/v1/energy-reports/batch", Workbooks.of(REPORT_HEADER, rows))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.row", equalTo(List.of(2, 3)));
        String csv = "dataCenterCode,period,facilityKwh,itKwh,racksInUse\n" + dc + ",2024-01,1500,1000,200\n" + dc
                + ",2024-13,1500,1000,200\n" + dc + ",2024-03,lots,1000,200\n";
        var csvErrors = given().header("Authorization", "Bearer " + TestTokens.operator(op))
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath()
                .getList("errors");
        var xlsxErrors = upload(
                        TestTokens.operator(op), "/api/v1/energy-reports/batch", Workbooks.of(REPORT_HEADER, rows))
                .extract()
                .jsonPath()
                .getList("errors");
        assertThat(xlsxErrors).isEqualTo(csvErrors);
        as(TestTokens.operator(op))
                .get("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void aGoodWorkbookIsStoredExactlyWithTheTemplatesBilingualHeaders() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, LocalDate.of(2012, 1, 1));
        List<String> header =
                List.of("数据中心编码 (dataCenterCode)", "月份 (period)", "总耗电量 kWh (facilityKwh)", "IT 设备耗电量 kWh (itKwh)");
        upload(
                        TestTokens.operator(op),
                        "/api/v1/energy-reports/batch",
                        Workbooks.of(
                                header,
                                List.of(
                                        List.of(dc, "2024-01", new BigDecimal("150000.125"), 100000),
                                        List.of(dc, "2024-02", 160000, 100000))))
                .statusCode(201)
                .body("rows", equalTo(2));
        as(TestTokens.operator(op))
                .get("/api/v1/data-centers/" + dc + "/energy-reports")
                .then()
                .body("items.period", equalTo(List.of("2024-01", "2024-02")))
                .body("items[0].facilityKwh", equalTo(150000.125f));
    }

    @Test
    void datesTypedIntoExcelAreReadAsDates() {
        String carrier = createOrganization("CARRIER");
        upload(
                        TestTokens.carrier(carrier),
                        "/api/v1/base-stations/batch",
                        Workbooks.of(
                                List.of("siteId", "district", "technology", "builtOn", "sharedWith"),
                                List.of(List.of("X-1", 310115, "5G", LocalDate.of(2024, 5, 1)))))
                .statusCode(200)
                .body("inserted", equalTo(1));
        as(TestTokens.carrier(carrier))
                .get("/api/v1/base-stations")
                .then()
                .body("items[0].builtOn", equalTo("2024-05-01"))
                .body("items[0].district", equalTo("310115"));
    }

    @Test
    void aHundredThousandRowWorkbookOfBaseStationsIsAccepted() {
        String carrier = createOrganization("CARRIER");
        List<List<Object>> rows = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            rows.add(List.of("XL-" + i, "310115", i % 2 == 0 ? "5G" : "4G", "2024-05-01", ""));
        }
        byte[] workbook = Workbooks.of(List.of("siteId", "district", "technology", "builtOn", "sharedWith"), rows);
        upload(TestTokens.carrier(carrier), "/api/v1/base-stations/batch", workbook)
                .statusCode(200)
                .body("inserted", equalTo(100_000));
        as(TestTokens.carrier(carrier))
                .get("/api/v1/base-stations?size=1")
                .then()
                .body("total", equalTo(100_000));
    }

    @Test
    void theTemplatesCarryChineseAndEnglishHeadersAndAreReadBack() {
        String op = createOrganization("OPERATOR");
        String dc = createDataCenter(op, 300, LocalDate.of(2012, 1, 1));
        String csv = as(TestTokens.operator(op))
                .accept("text/csv")
                .get("/api/v1/energy-reports/template")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("energy-reports-template.csv"))
                .extract()
                .asString();
        assertThat(csv).contains("数据中心编码 Data center code (dataCenterCode)").contains("(itKwh)");
        given().header("Authorization", "Bearer " + TestTokens.operator(op))
                .contentType("text/csv")
                .body((csv.strip() + "\n" + dc + ",2024-05,1500,1000,,,,,\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201)
                .body("rows", equalTo(1));

        String carrier = createOrganization("CARRIER");
        byte[] workbook = as(TestTokens.carrier(carrier))
                .accept(XLSX)
                .get("/api/v1/base-stations/template")
                .then()
                .statusCode(200)
                .contentType(XLSX)
                .extract()
                .asByteArray();
        assertThat(workbook).startsWith(0x50, 0x4B, 0x03, 0x04);
        // the unchanged template: its headers are read, and a batch without rows is refused for that alone
        upload(TestTokens.carrier(carrier), "/api/v1/base-stations/batch", workbook)
                .statusCode(400)
                .body("detail", equalTo("body: the batch has no rows"));
    }
}
