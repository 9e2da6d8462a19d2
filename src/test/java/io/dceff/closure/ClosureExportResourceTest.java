package io.dceff.closure;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dceff.closure.rest.ClosureCandidateView;
import io.dceff.closure.rest.ClosurePageView;
import io.dceff.closure.service.ClosureService;
import io.dceff.closure.service.ClosureService.Run;
import io.dceff.platform.csv.CsvTable;
import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's downloads hold what the table shows: the same filters, text and sort, as a named file. */
@QuarkusTest
class ClosureExportResourceTest {

    private static final String AS_OF = "2026-10-31";

    @Inject
    ClosureService service;

    @Inject
    ObjectMapper json;

    private String operator;
    private final Map<String, String> byPue = new HashMap<>();

    /** An operator of three small, old sites with window PUEs 1.8, 2.0 and 1.9 (all candidates). */
    @BeforeEach
    void world() {
        operator = createOrganization("OPERATOR");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int facility : new int[] {180_000, 200_000, 190_000}) {
            String dc = createDataCenter(operator, 300, LocalDate.of(2010, 1, 1));
            byPue.put(Integer.toString(facility), dc);
            for (YearMonth m = YearMonth.of(2025, 11); !m.isAfter(YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
                rows.add(Map.of(
                        "dataCenterCode", dc, "period", m.toString(), "facilityKwh", facility, "itKwh", 100_000));
            }
        }
        as(TestTokens.operator(operator))
                .body(rows)
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201);
    }

    private Response export(String query) {
        return as(TestTokens.regulator())
                .get("/api/v1/closure-candidates/export?asOf=" + AS_OF + "&operator=" + operator + query);
    }

    @Test
    void csvStartsWithAByteOrderMarkAndIsNamedAndSortedAsAsked() {
        Response answer = export("&status=CANDIDATE&sort=-pue");
        answer.then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"closure-candidates-" + AS_OF + "-" + operator + "-CANDIDATE.csv\"");
        byte[] body = answer.asByteArray();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines.get(0)).startsWith("dataCenter.code,");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith(byPue.get("200000") + ",");
        assertThat(lines.get(2)).startsWith(byPue.get("190000") + ",");
        assertThat(lines.get(3)).startsWith(byPue.get("180000") + ",");

        List<String> ascending = new String(export("&sort=pue").asByteArray(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(ascending.get(1)).contains(byPue.get("180000"));
    }

    @Test
    void textFilterAndStatusKeepOnlyTheMatchingRows() {
        String one = byPue.get("190000");
        List<String> lines = new String(export("&q=" + one.toLowerCase()).asByteArray(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(one);
        List<String> none = new String(export("&status=NO_DATA").asByteArray(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(none).hasSize(1); // the header only
    }

    @Test
    void xlsxCarriesTheDateRuleAndThresholdsAboveTheRows() throws IOException {
        Response answer = export("&format=xlsx&sort=-saving");
        answer.then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header(
                        "Content-Disposition",
                        containsString("closure-candidates-" + AS_OF + "-" + operator + ".xlsx"));
        // an XLSX is a zip whose entries are read through its central directory (ZipFile, not ZipInputStream)
        Path file = Files.createTempFile("candidates-", ".xlsx");
        String sheet;
        String strings;
        try {
            Files.write(file, answer.asByteArray());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                sheet = new String(
                        zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))
                                .readAllBytes(),
                        StandardCharsets.UTF_8);
                strings = unescape(new String(
                        zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(),
                        StandardCharsets.UTF_8));
            }
        } finally {
            Files.delete(file);
        }
        assertThat(strings)
                .contains(
                        "评估日期 As of",
                        AS_OF,
                        "2025-11 – 2026-10",
                        "沪经信节〔2022〕167号",
                        "PUE &gt;",
                        byPue.get("200000"),
                        "sorted by saving, descending");
        assertThat(sheet).contains("<v>1.7</v>", "<v>800</v>", "<v>2.000</v>");
    }

    @Test
    void csvWrittenRowByRowHasTheBytesOfTheWholeTable() throws IOException {
        // every site of the rule at the date, as the list gives them and reversed: rows without a PUE or a saving
        // before and after rows with them, so columns first seen late are placed as the whole table places them
        Run run = service.run(LocalDate.parse(AS_OF));
        List<ClosureService.Item> items = new ArrayList<>(run.items());
        assertThat(items.stream().map(i -> i.evaluation().status()).distinct())
                .contains(ClosureStatus.CANDIDATE, ClosureStatus.NO_DATA);
        ObjectMapper exact = json.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        for (int pass = 0; pass < 2; pass++) {
            ClosurePageView answer = new ClosurePageView(
                    run.asOf(),
                    new ClosurePageView.Window(
                            run.window().first(), run.window().last()),
                    run.thresholds(),
                    run.factors().all(),
                    ClosurePageView.RULE,
                    ClosureCandidateView.of(items, run.factors()),
                    0,
                    items.size(),
                    items.size());
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            CsvTable.of(exact.<JsonNode>valueToTree(answer)).write(whole);
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            CsvTable.of(exact, answer).write(streamed);
            assertThat(streamed.toString(StandardCharsets.UTF_8)).isEqualTo(whole.toString(StandardCharsets.UTF_8));
            Collections.reverse(items);
        }
    }

    /** The workbook writes every character outside ASCII as a character reference (&#x8bc4;). */
    private static String unescape(String xml) {
        return Pattern.compile("&#x([0-9a-fA-F]+);")
                .matcher(xml)
                .replaceAll(m -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
    }

    @Test
    void anUnknownSortOrFormatIsA400NamingIt() {
        export("&sort=colour")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sort"));
        export("&format=pdf").then().statusCode(400).body("errors[0].field", equalTo("format"));
        as(TestTokens.operator(operator))
                .get("/api/v1/closure-candidates/export")
                .then()
                .statusCode(403);
    }
}
