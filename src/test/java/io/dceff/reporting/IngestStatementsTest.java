package io.dceff.reporting;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.platform.jdbc.Jdbc;
import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What a batch of reports costs the database, counted by the server itself (its global Com_* and Handler_*
 * counters, read before and after): the statements a batch sends, whatever the number of its rows, and the row
 * operations per report. A batch as the benchmark sends them: one operator's sites, a few months each, as CSV.
 */
@QuarkusTest
class IngestStatementsTest {

    private static final int SITES = 40;
    private static final int MONTHS_PER_BATCH = 3;
    private static final int BATCHES = 4;

    @Inject
    Jdbc jdbc;

    @Test
    void aBatchOfReportsTakesAFixedHandfulOfStatements() {
        String op = createOrganization("OPERATOR");
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            sites.add(createDataCenter(op, 300, LocalDate.of(2010, 1, 1)));
        }
        YearMonth month = YearMonth.of(2024, 1);
        month = post(op, sites, month); // warm-up: the first batch prepares what the next ones reuse

        Map<String, Long> before = status();
        for (int b = 0; b < BATCHES; b++) {
            month = post(op, sites, month);
        }
        Map<String, Long> after = status();
        Map<String, Double> perBatch = counters(before, after, "Com_", BATCHES);
        Map<String, Double> perReport = counters(before, after, "Handler_", BATCHES * SITES * MONTHS_PER_BATCH);
        System.out.printf(
                "Per batch of %d reports (%d sites x %d months): %s%nHandler operations per report: %s%n",
                SITES * MONTHS_PER_BATCH, SITES, MONTHS_PER_BATCH, perBatch, perReport);

        // single reports, one after the other, as a data center's monthly POST
        before = status();
        for (String site : sites) {
            as(TestTokens.operator(op))
                    .body(Map.of("period", month.toString(), "facilityKwh", 150000, "itKwh", 100000))
                    .post("/api/v1/data-centers/" + site + "/energy-reports")
                    .then()
                    .statusCode(201);
        }
        after = status();
        Map<String, Double> perPost = counters(before, after, "Com_", SITES);
        System.out.printf(
                "Per single report POST: %s%nHandler operations per POST: %s%n",
                perPost, counters(before, after, "Handler_", SITES));

        // the reads of the status itself count once in each figure; the two reads of a submission are the registry's
        // answer for the data centers named and reporting's own for their stored months
        assertThat(perBatch.get("Questions")).as("statements per batch").isLessThanOrEqualTo(12);
        assertThat(perBatch.get("Com_select")).as("reads per batch").isLessThanOrEqualTo(2.5);
        assertThat(perPost.get("Questions")).as("statements per single report").isLessThanOrEqualTo(11);
    }

    /** What the counters with this prefix (and Questions, the statements) grew by, per unit. */
    private static Map<String, Double> counters(
            Map<String, Long> before, Map<String, Long> after, String prefix, int units) {
        Map<String, Double> grown = new TreeMap<>();
        after.forEach((name, value) -> {
            long delta = value - before.getOrDefault(name, 0L);
            if (delta != 0 && (name.startsWith(prefix) || prefix.equals("Com_") && name.equals("Questions"))) {
                grown.put(name, (double) delta / units);
            }
        });
        return grown;
    }

    private YearMonth post(String op, List<String> sites, YearMonth from) {
        StringBuilder csv = new StringBuilder("dataCenterCode,period,facilityKwh,itKwh\n");
        for (String site : sites) {
            for (int m = 0; m < MONTHS_PER_BATCH; m++) {
                csv.append(site).append(',').append(from.plusMonths(m)).append(",150000,100000\n");
            }
        }
        as(TestTokens.operator(op))
                .contentType("text/csv")
                .body(csv.toString())
                .post("/api/v1/energy-reports/batch")
                .then()
                .statusCode(201);
        return from.plusMonths(MONTHS_PER_BATCH);
    }

    private Map<String, Long> status() {
        Map<String, Long> status = new TreeMap<>();
        jdbc.query(
                "SHOW GLOBAL STATUS WHERE Variable_name LIKE 'Com\\_%' OR Variable_name LIKE 'Handler\\_%'"
                        + " OR Variable_name = 'Questions'",
                List.of(), rs -> {
                    try {
                        status.put(rs.getString(1), Long.parseLong(rs.getString(2)));
                    } catch (NumberFormatException notACount) {
                        // not a counter
                    }
                });
        return status;
    }
}
