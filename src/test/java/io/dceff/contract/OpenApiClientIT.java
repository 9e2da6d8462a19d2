package io.dceff.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dceff.client.ApiClient;
import io.dceff.client.ApiException;
import io.dceff.client.api.BaseStationsApi;
import io.dceff.client.api.ClosureCandidatesApi;
import io.dceff.client.api.DashboardApi;
import io.dceff.client.api.DataCentersApi;
import io.dceff.client.api.EnergyReportsApi;
import io.dceff.client.api.OrganizationsApi;
import io.dceff.client.api.PueTrendApi;
import io.dceff.client.api.TargetsApi;
import io.dceff.client.model.Assessment;
import io.dceff.client.model.AssessmentRequest;
import io.dceff.client.model.AssessmentRevision;
import io.dceff.client.model.AuditEvent;
import io.dceff.client.model.BaseStationBatchResult;
import io.dceff.client.model.BaseStationRow;
import io.dceff.client.model.BatchReportRow;
import io.dceff.client.model.BatchView;
import io.dceff.client.model.ClosureCandidateView;
import io.dceff.client.model.ClosurePageView;
import io.dceff.client.model.ClosureStatus;
import io.dceff.client.model.ClosureStatusView;
import io.dceff.client.model.DataCenterRequest;
import io.dceff.client.model.DataCenterStatus;
import io.dceff.client.model.DataCenterView;
import io.dceff.client.model.DecisionAction;
import io.dceff.client.model.DecisionRequest;
import io.dceff.client.model.DecisionView;
import io.dceff.client.model.EnergyReportRequest;
import io.dceff.client.model.EnergyReportView;
import io.dceff.client.model.OrganizationKind;
import io.dceff.client.model.OrganizationRequest;
import io.dceff.client.model.Problem;
import io.dceff.client.model.PueTrendView;
import io.dceff.client.model.ReportingGapPageView;
import io.dceff.client.model.SharingView;
import io.dceff.client.model.TargetsView;
import io.dceff.support.Api;
import io.dceff.support.TestTokens;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract as integrators get it: the Java client that openapi-generator makes from docs/openapi.yaml at its
 * default settings (java, native; the pom's contract-client execution) drives the packaged service through an
 * operator's month end, a carrier's batch and a regulator's day, with no other code between them; and the committed
 * document is the one the service serves at /q/openapi. After an intended change of contract, refresh the copy:
 * {@code mvn -B verify -Dit.test=OpenApiClientIT -Dopenapi.refresh=true}, review and commit docs/openapi.yaml.
 */
class OpenApiClientIT {

    private static final Path DOCUMENT = Path.of("docs", "openapi.yaml");
    private static final Path DIR = Path.of("target", "openapi-client-it-" + UUID.randomUUID());

    private static Process process;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        port = freePort();
        Files.createDirectories(DIR);
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        DIR.resolve("service.log").toFile()));
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("DCEFF_EMBEDDED_DIR", DIR.toString());
        builder.environment().put("DCEFF_FIXTURES_LOAD", "false");
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive())
                    .as("service running; see " + DIR.resolve("service.log"))
                    .isTrue();
            try {
                if (http.send(
                                        HttpRequest.newBuilder(uri("/q/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("service not ready within 5 minutes; see " + DIR.resolve("service.log"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void theCommittedDocumentIsTheLiveOne() throws Exception {
        String live = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri("/q/openapi")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        YAMLMapper yaml =
                YAMLMapper.builder().disable(YAMLGenerator.Feature.SPLIT_LINES).build();
        JsonNode served = yaml.readTree(live);
        if (Boolean.getBoolean("openapi.refresh")) {
            ObjectNode ordered = yaml.createObjectNode();
            for (String key : List.of("openapi", "info", "servers", "tags", "paths", "components")) {
                if (served.has(key)) {
                    ordered.set(key, served.get(key));
                }
            }
            served.fieldNames().forEachRemaining(key -> ordered.putIfAbsent(key, served.get(key)));
            Files.writeString(DOCUMENT, yaml.writeValueAsString(ordered));
        }
        JsonNode committed = yaml.readTree(DOCUMENT.toFile());
        assertThat(committed.equals(served))
                .as(
                        "docs/openapi.yaml differs from the live /q/openapi at %s. If the change of contract is intended, "
                                + "refresh the copy with: mvn -B verify -Dit.test=OpenApiClientIT -Dopenapi.refresh=true "
                                + "(then review and commit docs/openapi.yaml)",
                        firstDifference("", committed, served))
                .isTrue();
    }

    @Test
    void aGeneratedClientRunsTheMonthEndTheCarriersBatchAndTheRegulatorsDay() throws Exception {
        YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        YearMonth first = lastMonth.minusMonths(11);
        LocalDate asOf = lastMonth.atEndOfMonth();

        // an admin registers an operator and two carriers
        OrganizationsApi organizations = new OrganizationsApi(client(TestTokens.admin()));
        String operator = organizations
                .createOrganization(new OrganizationRequest()
                        .code(Api.uniqueCode("OP"))
                        .name("Contract operator")
                        .kind(OrganizationKind.OPERATOR)
                        .creditCode(Api.creditCode()))
                .getCode();
        String carrier = organizations
                .createOrganization(new OrganizationRequest()
                        .code(Api.uniqueCode("CAR"))
                        .name("Contract carrier")
                        .kind(OrganizationKind.CARRIER)
                        .creditCode(Api.creditCode()))
                .getCode();
        String partner = organizations
                .createOrganization(new OrganizationRequest()
                        .code(Api.uniqueCode("CAR"))
                        .name("Contract partner")
                        .kind(OrganizationKind.CARRIER)
                        .creditCode(Api.creditCode()))
                .getCode();

        // the operator's month end: a site, one report, a JSON batch, a correction, its revisions, the PUE trend
        ApiClient operatorClient = client(TestTokens.operator(operator));
        DataCentersApi dataCenters = new DataCentersApi(operatorClient);
        EnergyReportsApi reports = new EnergyReportsApi(operatorClient);
        String code = Api.uniqueCode("DC");
        DataCenterView site = dataCenters.createDataCenter(new DataCenterRequest()
                .code(code)
                .name("Old small site")
                .operatorCode(operator)
                .district("310107")
                .racks(300)
                .commissionedOn(LocalDate.of(2010, 3, 1))
                .designPue(new BigDecimal("1.6")));
        assertThat(site.getStatus()).isEqualTo(DataCenterStatus.OPERATING);
        assertThat(site.getCommissionedOn()).isEqualTo(LocalDate.of(2010, 3, 1));

        EnergyReportView report = reports.submitEnergyReport(
                code,
                new EnergyReportRequest()
                        .period(first.toString())
                        .facilityKwh(new BigDecimal("190000"))
                        .itKwh(new BigDecimal("100000"))
                        .racksInUse(250),
                null);
        assertThat(report.getRevision()).isEqualTo(1);
        assertThat(report.getPeriod()).isEqualTo(first.toString());
        assertThat(report.getPue()).isEqualByComparingTo("1.9");
        assertThat(report.getSubmittedAt()).isBefore(OffsetDateTime.now().plusMinutes(1));

        List<BatchReportRow> rows = new ArrayList<>();
        for (YearMonth month = first.plusMonths(1); !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            rows.add(new BatchReportRow()
                    .dataCenterCode(code)
                    .period(month.toString())
                    .facilityKwh(new BigDecimal("192000.5"))
                    .itKwh(new BigDecimal("100000")));
        }
        BatchView batch =
                reports.submitEnergyReportBatch(rows, UUID.randomUUID().toString());
        assertThat(batch.getRows()).isEqualTo(11);
        assertThat(batch.getFirstPeriod()).isEqualTo(first.plusMonths(1).toString());
        assertThat(batch.getLastPeriod()).isEqualTo(lastMonth.toString());
        assertThat(reports.getEnergyReportBatch(batch.getId()).getDataCenters()).isEqualTo(1);

        EnergyReportView corrected = reports.correctEnergyReport(
                code,
                first.toString(),
                new EnergyReportRequest()
                        .period(first.toString())
                        .facilityKwh(new BigDecimal("185000"))
                        .itKwh(new BigDecimal("100000"))
                        .note("meter re-read"));
        assertThat(corrected.getRevision()).isEqualTo(2);
        List<EnergyReportView> revisions = reports.listEnergyReportRevisions(code, first.toString());
        assertThat(revisions).extracting(EnergyReportView::getRevision).containsExactly(1, 2);
        assertThat(revisions.get(1).getNote()).isEqualTo("meter re-read");

        // the upload template, as the file the client asks for first (XLSX): its header names every column
        File template = reports.getEnergyReportTemplate();
        try (ReadableWorkbook workbook = new ReadableWorkbook(template)) {
            assertThat(workbook.getFirstSheet().read().get(0).stream().map(Cell::getText))
                    .contains("数据中心编码 Data center code (dataCenterCode)", "月份 YYYY-MM Month YYYY-MM (period)");
        }

        YearMonth from = lastMonth.minusMonths(5);
        PueTrendView trend = new PueTrendApi(operatorClient).getPueTrend(code, from.toString(), lastMonth.toString());
        assertThat(trend.getFrom()).as("from honoured").isEqualTo(from.toString());
        assertThat(trend.getTo()).as("to honoured").isEqualTo(lastMonth.toString());
        assertThat(trend.getMonthly()).hasSize(6);
        assertThat(trend.getMonthly().get(0).getPeriod()).isEqualTo(from.toString());
        assertThat(trend.getTrailing12().getMonths()).isEqualTo(12);

        // a month submitted twice: 409, read as a typed Problem
        ApiException twice = catchThrowableOfType(
                ApiException.class,
                () -> reports.submitEnergyReport(
                        code,
                        new EnergyReportRequest()
                                .period(first.toString())
                                .facilityKwh(new BigDecimal("1"))
                                .itKwh(new BigDecimal("1")),
                        null));
        assertThat(twice.getCode()).isEqualTo(409);
        Problem problem = operatorClient.getObjectMapper().readValue(twice.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).isEqualTo("urn:dceff:problem:conflict");
        assertThat(problem.getDetail()).contains(first.toString());

        // the carrier's base-station batch
        BaseStationsApi stations = new BaseStationsApi(client(TestTokens.carrier(carrier)));
        BaseStationBatchResult stored = stations.submitBaseStationBatch(
                List.of(
                        new BaseStationRow()
                                .siteId(Api.uniqueCode("S"))
                                .district("310115")
                                .technology("5G")
                                .builtOn(asOf.minusDays(3))
                                .sharedWith(List.of(partner)),
                        new BaseStationRow()
                                .siteId(Api.uniqueCode("S"))
                                .district("310115")
                                .technology("5G")
                                .builtOn(asOf.minusDays(2))
                                .sharedWith(List.of())),
                null);
        assertThat(stored.getInserted()).isEqualTo(2);
        SharingView own = stations.getBaseStationSharing(asOf.getYear(), null, "district");
        assertThat(own.getOverall().getNewBuilds()).isEqualTo(2);
        assertThat(own.getOverall().getShared()).isEqualTo(1);
        assertThat(stations.listBaseStations(asOf.getYear(), carrier, null, 0, true, 50)
                        .getItems())
                .singleElement()
                .satisfies(s -> assertThat(s.getSharedWith()).containsExactly(partner));

        // the regulator's day: candidates as of a date, a frozen assessment, a decision, targets, the audit trail
        ApiClient regulatorClient = client(TestTokens.regulator());
        ClosureCandidatesApi closure = new ClosureCandidatesApi(regulatorClient);
        ClosurePageView candidates =
                closure.listClosureCandidates(asOf, null, operator, 0, 50, ClosureStatus.CANDIDATE);
        assertThat(candidates.getAsOf()).isEqualTo(asOf);
        assertThat(candidates.getWindow().getFirst()).isEqualTo(first.toString());
        assertThat(candidates.getWindow().getLast()).isEqualTo(lastMonth.toString());
        ClosureCandidateView candidate = candidates.getItems().stream()
                .filter(c -> c.getDataCenter().getCode().equals(code))
                .findFirst()
                .orElseThrow();
        assertThat(candidate.getMonthsOfData()).isEqualTo(12);
        assertThat(candidate.getCriteria().getPue().getMet()).isTrue();
        assertThat(candidate.getAnnualSavingKwh()).isPositive();

        // the operator sees the same standing for its own site, and the PUE that would take it off the list
        ClosureStatusView standing = new ClosureCandidatesApi(operatorClient).getClosureStatus(code, asOf);
        assertThat(standing.getStatus()).isEqualTo(ClosureStatus.CANDIDATE);
        assertThat(standing.getPueToLeave()).isEqualByComparingTo("1.7");
        assertThat(standing.getCandidate().getMonthsOfData()).isEqualTo(12);

        // the same list as a file to keep: the CSV download, byte order mark first
        File download =
                closure.exportClosureCandidates(asOf, null, "csv", operator, null, "-saving", ClosureStatus.CANDIDATE);
        String csv = Files.readString(download.toPath(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains(code);

        // the sites of the scope with months missing: this operator's site reported all twelve
        ReportingGapPageView gaps =
                new DashboardApi(regulatorClient).listReportingGaps(lastMonth.toString(), null, 12, operator, 0, 50);
        assertThat(gaps.getTo()).isEqualTo(lastMonth.toString());
        assertThat(gaps.getItems()).noneMatch(g -> g.getCode().equals(code));
        // the operator reads its own gaps: the month after them is not reported yet
        YearMonth next = lastMonth.plusMonths(1);
        ReportingGapPageView ownGaps =
                new DashboardApi(operatorClient).listReportingGaps(next.toString(), null, 1, null, 0, 50);
        assertThat(ownGaps.getItems())
                .extracting(g -> g.getCode(), g -> g.getMissing())
                .contains(tuple(code, List.of(next.toString())));
        assertThat(ownGaps.getItems()).allMatch(g -> g.getOperatorCode().equals(operator));

        Assessment assessment = closure.createAssessment(
                new AssessmentRequest().asOf(asOf), UUID.randomUUID().toString());
        Assessment readBack = closure.getAssessment(assessment.getId());
        assertThat(readBack.getAsOf()).isEqualTo(asOf);
        assertThat(readBack.getCreatedAt()).isNotNull();
        assertThat(readBack.getItems())
                .extracting(c -> c.getDataCenter().getCode())
                .contains(code);
        assertThat(readBack.getItems()).isEqualTo(assessment.getItems());
        List<AssessmentRevision> used = closure.listAssessmentRevisions(assessment.getId());
        assertThat(used)
                .filteredOn(r -> r.getDataCenterCode().equals(code))
                .hasSize(12)
                .anySatisfy(r -> {
                    assertThat(r.getPeriod()).isEqualTo(first.toString());
                    assertThat(r.getRevision()).isEqualTo(2);
                });

        DecisionView decision = closure.recordDecision(
                code,
                new DecisionRequest()
                        .action(DecisionAction.RETIRE)
                        .decidedOn(asOf.plusDays(1))
                        .assessmentId(assessment.getId())
                        .note("contract test"));
        assertThat(decision.getStatusAfter()).isEqualTo(DataCenterStatus.CONSOLIDATING);
        assertThat(decision.getRecordedAt()).isNotNull();

        TargetsView targets = new TargetsApi(regulatorClient).getTargets(null, null, asOf.getYear());
        assertThat(targets.getItems())
                .extracting(t -> t.getId())
                .contains(
                        "WASTE_HEAT_REUSE_DCS",
                        "ZERO_CARBON_DCS",
                        "NEW_BASE_STATION_SHARING",
                        "ANNUAL_ENERGY_SAVING",
                        "CLOSURE_PROGRESS");

        List<AuditEvent> trail = new DataCentersApi(regulatorClient).listDataCenterAuditEvents(code, 100);
        assertThat(trail).extracting(AuditEvent::getMethod).contains("POST", "PUT");
        assertThat(trail)
                .allSatisfy(e -> assertThat(e.getOccurredAt())
                        .isBetween(
                                OffsetDateTime.now().minusHours(1),
                                OffsetDateTime.now().plusMinutes(1)));

        // what the document promises for bad input: a 400 naming the parameter, not a 404
        ApiException badMonth = catchThrowableOfType(
                ApiException.class, () -> new PueTrendApi(operatorClient).getPueTrend(code, "2025-13", null));
        assertThat(badMonth.getCode()).isEqualTo(400);
        assertThat(operatorClient
                        .getObjectMapper()
                        .readValue(badMonth.getResponseBody(), Problem.class)
                        .getErrors())
                .singleElement()
                .satisfies(e -> assertThat(e.getField()).isEqualTo("from"));
        assertThatThrownBy(() -> dataCenters.getDataCenter(Api.uniqueCode("NONE")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The path of the first place where two documents differ, for the failure message. */
    private static String firstDifference(String path, JsonNode a, JsonNode b) {
        if (a.equals(b)) {
            return null;
        }
        if (a.isObject() && b.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!b.has(field.getKey())) {
                    return path + "/" + field.getKey() + " (only in docs/openapi.yaml)";
                }
                String inner = firstDifference(path + "/" + field.getKey(), field.getValue(), b.get(field.getKey()));
                if (inner != null) {
                    return inner;
                }
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!a.has(key)) {
                    return path + "/" + key + " (only in the live document)";
                }
            }
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                String inner = firstDifference(path + "/" + i, a.get(i), b.get(i));
                if (inner != null) {
                    return inner;
                }
            }
        }
        return path.isEmpty() ? "/" : path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
