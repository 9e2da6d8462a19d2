package io.dceff.jobs;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static io.dceff.support.Api.dataCenter;
import static io.dceff.support.Api.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.dceff.platform.jdbc.Jdbc;
import io.dceff.reporting.service.ReportingReminders;
import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The reminder job: who is reminded, and one run per month however many callers race for it. */
@QuarkusTest
class ReportingRemindersTest {

    // a month no other test reports for; every test data center commissioned by then is due a reminder
    private static final YearMonth PERIOD = YearMonth.of(2009, 6);

    @Inject
    ReportingReminders reminders;

    @Inject
    Jdbc jdbc;

    @Test
    void onlyOneOfManyRacingRunsWritesTheMonthsRemindersAndOnlyForMissingReports() throws Exception {
        String op = createOrganization("OPERATOR");
        String silent = createDataCenter(op, 300, LocalDate.of(2005, 1, 1));
        String reported = createDataCenter(op, 300, LocalDate.of(2005, 1, 1));
        String tooNew = createDataCenter(op, 300, LocalDate.of(2009, 7, 1));
        as(TestTokens.operator(op))
                .body(Map.of("period", PERIOD.toString(), "facilityKwh", 1500, "itKwh", 1000))
                .post("/api/v1/data-centers/" + reported + "/energy-reports")
                .then()
                .statusCode(201);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Optional<Integer>>> runs = new ArrayList<>();
        Callable<Optional<Integer>> run = () -> reminders.run(PERIOD);
        for (int i = 0; i < 8; i++) {
            runs.add(pool.submit(run));
        }
        List<Optional<Integer>> outcomes = new ArrayList<>();
        for (Future<Optional<Integer>> f : runs) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(reminders.run(PERIOD))
                .as("a month already done is not run again")
                .isEmpty();

        as(TestTokens.operator(op))
                .queryParam("period", PERIOD.toString())
                .get("/api/v1/reporting-reminders")
                .then()
                .statusCode(200)
                .body("dataCenter", hasItem(silent))
                .body("dataCenter", not(hasItem(reported)))
                .body("dataCenter", not(hasItem(tooNew)))
                .body("findAll { it.dataCenter == '" + silent + "' }.size()", equalTo(1))
                .body("operator.unique()", equalTo(List.of(op)));
        String other = createOrganization("OPERATOR");
        as(TestTokens.operator(other))
                .queryParam("period", PERIOD.toString())
                .get("/api/v1/reporting-reminders")
                .then()
                .statusCode(200)
                .body("dataCenter", not(hasItem(silent)));
        as(TestTokens.regulator())
                .queryParam("job", ReportingReminders.JOB)
                .get("/api/v1/job-runs")
                .then()
                .statusCode(200)
                .body("findAll { it.period == '" + PERIOD + "' }.size()", equalTo(1))
                .body("find { it.period == '" + PERIOD + "' }.attempts", equalTo(1));
    }

    @Test
    void remindersAreListedInTheDatabasesOrderOfTheDataCenterCodes() {
        YearMonth period = YearMonth.of(2008, 3);
        String op = createOrganization("OPERATOR");
        String prefix = uniqueCode("RM");
        for (String suffix : List.of("b", "_a", "-a", ".a", "0", "9z", "A", "a0", "Ab", "a_", "a-", "a.", "Z", "zz")) {
            as(TestTokens.operator(op))
                    .body(dataCenter(prefix + suffix, op, 300, LocalDate.of(2005, 1, 1)))
                    .post("/api/v1/data-centers")
                    .then()
                    .statusCode(201);
        }
        assertThat(reminders.run(period)).isPresent();

        List<String> listed = as(TestTokens.operator(op))
                .queryParam("period", period.toString())
                .get("/api/v1/reporting-reminders")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("dataCenter", String.class);
        List<String> sorted = jdbc.list(
                "SELECT code FROM data_center WHERE operator_code = ? ORDER BY code",
                List.of(op),
                rs -> rs.getString("code"));
        assertThat(listed).hasSize(14).containsExactlyElementsOf(sorted);
    }

    @Test
    void aMonthIsDueFromItsDueDayInTheFollowingMonth() {
        assertThat(ReportingReminders.duePeriod(LocalDate.of(2026, 11, 14), 15)).isEmpty();
        assertThat(ReportingReminders.duePeriod(LocalDate.of(2026, 11, 15), 15)).contains(YearMonth.of(2026, 10));
        assertThat(ReportingReminders.duePeriod(LocalDate.of(2026, 1, 31), 15)).contains(YearMonth.of(2025, 12));
        assertThat(ReportingReminders.duePeriod(LocalDate.of(2026, 3, 1), 1)).contains(YearMonth.of(2026, 2));
    }

    @Test
    void theMonthIsRequired() {
        as(TestTokens.regulator()).get("/api/v1/reporting-reminders").then().statusCode(400);
        as(TestTokens.carrier(createOrganization("CARRIER")))
                .queryParam("period", "2009-06")
                .get("/api/v1/reporting-reminders")
                .then()
                .statusCode(403);
    }
}
