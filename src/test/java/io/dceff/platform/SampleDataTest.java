package io.dceff.platform;

import static io.dceff.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample data in fixtures/, as the embedded default loads it (the one test class that leans on it). */
@QuarkusTest
class SampleDataTest {

    private static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Test
    void theSampleDataCoversEveryDistrictAndManyOperators() {
        JsonPath dcs = as(TestTokens.regulator())
                .get("/api/v1/data-centers?size=500&operator=")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> sample = dcs.getList("items.findAll { it.code.startsWith('SH-DC-') }.district");
        assertThat(sample).hasSizeGreaterThanOrEqualTo(120);
        assertThat(sample.stream().distinct()).hasSize(16);
        List<String> operators = dcs.getList("items.findAll { it.code.startsWith('SH-DC-') }.operatorCode");
        assertThat(operators.stream().distinct().count()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void theTrendOfASampleDataCenterIsSumOverSumOfItsReports() throws IOException {
        // annual PUE 2025 of SH-DC-0005 written out from the fixture file: Σ facility ÷ Σ IT of its 2025 rows
        BigDecimal facility = BigDecimal.ZERO;
        BigDecimal it = BigDecimal.ZERO;
        int months = 0;
        for (String line : Files.readAllLines(Path.of("fixtures/energy-reports.csv"))) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals("SH-DC-0005") && cells[1].startsWith("2025-")) {
                facility = facility.add(new BigDecimal(cells[2]));
                it = it.add(new BigDecimal(cells[3]));
                months++;
            }
        }
        BigDecimal expected = facility.divide(it, 3, RoundingMode.HALF_UP);
        JsonPath trend = as(TestTokens.regulator())
                .get("/api/v1/data-centers/SH-DC-0005/pue?from=2025-01&to=2025-12")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(EXACT);
        assertThat(months).isEqualTo(12);
        assertThat(trend.getInt("annual[0].months")).isEqualTo(12);
        assertThat(trend.<BigDecimal>get("annual[0].pue")).isEqualByComparingTo(expected);
        assertThat(trend.<BigDecimal>get("annual[0].facilityKwh")).isEqualByComparingTo(facility);
        assertThat(trend.getString("grade")).isEqualTo("EXCEEDS_LIMIT");
    }

    @Test
    void theEdgeCasesOfTheClosureRuleBehaveAsDocumented() {
        JsonPath answer = as(TestTokens.regulator())
                .get("/api/v1/closure-candidates?asOf=2026-10-31&operator=OP-MINGZHU&size=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, String> status = new HashMap<>();
        List<Map<String, Object>> items = answer.getList("items");
        items.forEach(i ->
                status.put((String) ((Map<?, ?>) i.get("dataCenter")).get("code"), (String) i.get("status")));
        assertThat(status)
                .containsEntry("SH-DC-E02", "CANDIDATE")
                .containsEntry("SH-DC-E04", "CANDIDATE")
                .containsEntry("SH-DC-E06", "CANDIDATE")
                .containsEntry("SH-DC-E07", "NO_DATA")
                .containsEntry("SH-DC-E08", "NO_DATA")
                .doesNotContainKeys("SH-DC-E01", "SH-DC-E03", "SH-DC-E05");
        assertThat(answer.getInt("items.find { it.dataCenter.code == 'SH-DC-E06' }.monthsOfData"))
                .isEqualTo(3);
        JsonPath e01 = as(TestTokens.regulator())
                .get("/api/v1/data-centers/SH-DC-E01/pue?to=2026-10")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(EXACT);
        assertThat(e01.<BigDecimal>get("trailing12.pue")).isEqualByComparingTo("1.700");
        assertThat(e01.getInt("trailing12.months")).isEqualTo(12);
    }

    @Test
    void everyZeroCarbonSampleSiteHasTheCertificationDateOfItsFixtureRow() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("fixtures/data-centers.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int zeroCarbon = header.indexOf("zeroCarbon");
        int certifiedOn = header.indexOf("zeroCarbonCertifiedOn");
        int certified = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells[certifiedOn].isEmpty()).as(cells[0]).isNotEqualTo(Boolean.parseBoolean(cells[zeroCarbon]));
            if (!cells[certifiedOn].isEmpty()) {
                as(TestTokens.regulator())
                        .get("/api/v1/data-centers/" + cells[0])
                        .then()
                        .statusCode(200)
                        .body("zeroCarbon", equalTo(true))
                        .body("zeroCarbonCertifiedOn", equalTo(cells[certifiedOn]));
                certified++;
            }
        }
        assertThat(certified).isGreaterThanOrEqualTo(5);
        as(TestTokens.regulator())
                .get("/api/v1/data-centers/SH-DC-0001")
                .then()
                .statusCode(200)
                .body("zeroCarbon", equalTo(false))
                .body("zeroCarbonCertifiedOn", nullValue());
    }
}
