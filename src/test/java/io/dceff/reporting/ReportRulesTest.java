package io.dceff.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.platform.problem.Problem.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report's checks against its data center and the calendar (API.md, Energy reports), at their boundaries. */
class ReportRulesTest {

    private static final LocalDate COMMISSIONED = LocalDate.of(2015, 6, 15);
    private static final int RACKS = 300;
    private static final YearMonth CURRENT = YearMonth.of(2025, 6);

    private static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static ReportFigures report(
            YearMonth period, String facility, String it, String renewable, String reused, Integer racksInUse) {
        return new ReportFigures(period, d(facility), d(it), d(renewable), d(reused), d("1800"), racksInUse, 2, null);
    }

    private static ReportFigures report(YearMonth period) {
        return report(period, "1500", "1000", null, null, 200);
    }

    private static List<FieldError> check(ReportFigures r) {
        return ReportRules.check(r, COMMISSIONED, RACKS, CURRENT);
    }

    private static List<String> fields(ReportFigures r) {
        return check(r).stream().map(FieldError::field).toList();
    }

    private static List<String> fields(ReportFigures r, LocalDate commissionedOn) {
        return ReportRules.check(r, commissionedOn, RACKS, CURRENT).stream()
                .map(FieldError::field)
                .toList();
    }

    @Test
    void aPlausibleReportPasses() {
        assertThat(check(report(YearMonth.of(2024, 3), "1500", "1000", "300", "100", 200)))
                .isEmpty();
    }

    @Test
    void theCurrentMonthMayBeReportedTheNextMayNot() {
        assertThat(check(report(CURRENT))).isEmpty();
        List<FieldError> errors = check(report(CURRENT.plusMonths(1)));
        assertThat(errors).containsExactly(FieldError.of("period", "is in the future (2025-07 is after 2025-06)"));
    }

    @Test
    void theMonthOfCommissioningMayBeReportedTheMonthBeforeMayNot() {
        // commissioned on 15 June 2015: June counts (a part month), May does not
        assertThat(check(report(YearMonth.of(2015, 6)))).isEmpty();
        assertThat(check(report(YearMonth.of(2015, 5))))
                .containsExactly(FieldError.of("period", "is before the data center was commissioned (2015-06-15)"));
    }

    @Test
    void theFutureStartsInTheMonthAfterTheCurrentOneAcrossTheYearEnd() {
        YearMonth december = YearMonth.of(2025, 12);
        assertThat(ReportRules.check(report(december), COMMISSIONED, RACKS, december))
                .isEmpty();
        assertThat(ReportRules.check(report(YearMonth.of(2026, 1)), COMMISSIONED, RACKS, december))
                .containsExactly(FieldError.of("period", "is in the future (2026-01 is after 2025-12)"));
    }

    @Test
    void aDataCenterCommissionedOnTheLastDayOfAMonthMayReportThatMonth() {
        LocalDate lastDay = LocalDate.of(2015, 6, 30);
        assertThat(ReportRules.check(report(YearMonth.of(2015, 6)), lastDay, RACKS, CURRENT))
                .isEmpty();
        assertThat(ReportRules.check(report(YearMonth.of(2015, 5)), lastDay, RACKS, CURRENT))
                .containsExactly(FieldError.of("period", "is before the data center was commissioned (2015-06-30)"));
    }

    @Test
    void aMonthCanBeBothInTheFutureAndBeforeCommissioningOfASiteCommissionedLater() {
        // a site registered with a future commissioning date: its first month is later than today's
        LocalDate later = LocalDate.of(2025, 9, 1);
        assertThat(fields(report(CURRENT.plusMonths(1)), later)).containsExactly("period", "period");
        assertThat(ReportRules.check(report(CURRENT), later, RACKS, CURRENT))
                .containsExactly(FieldError.of("period", "is before the data center was commissioned (2025-09-01)"));
    }

    @Test
    void racksInUseAreOptional() {
        assertThat(check(report(CURRENT, "1500", "1000", null, null, null))).isEmpty();
    }

    @Test
    void facilityEnergyEqualToItEnergyPassesBelowItIsRejected() {
        // PUE 1.0 is the physical floor
        assertThat(check(report(CURRENT, "1000", "1000", null, null, 200))).isEmpty();
        assertThat(check(report(CURRENT, "999.999", "1000", null, null, 200)))
                .containsExactly(FieldError.of(
                        "facilityKwh", "must not be less than itKwh (facility energy includes IT energy)"));
    }

    @Test
    void reusedAndRenewableEnergyMayEqualFacilityEnergyNotExceedIt() {
        assertThat(check(report(CURRENT, "1500", "1000", "1500", "1500", 200))).isEmpty();
        assertThat(fields(report(CURRENT, "1500", "1000", null, "1500.001", 200)))
                .containsExactly("reusedKwh");
        assertThat(check(report(CURRENT, "1500", "1000", null, "1500.001", 200))
                        .get(0)
                        .message())
                .isEqualTo("must not exceed facilityKwh");
        assertThat(fields(report(CURRENT, "1500", "1000", "1500.001", null, 200)))
                .containsExactly("renewableKwh");
    }

    @Test
    void racksInUseMayEqualTheRacksNotExceedThem() {
        assertThat(check(report(CURRENT, "1500", "1000", null, null, RACKS))).isEmpty();
        assertThat(check(report(CURRENT, "1500", "1000", null, null, RACKS + 1)))
                .containsExactly(FieldError.of("racksInUse", "must not exceed the data center's 300 racks"));
    }

    @Test
    void everyFailedCheckIsReportedAtOnce() {
        ReportFigures bad = report(CURRENT.plusMonths(1), "900", "1000", "901", "901", RACKS + 1);
        assertThat(fields(bad)).containsExactly("period", "facilityKwh", "reusedKwh", "renewableKwh", "racksInUse");
        assertThat(check(bad)).allSatisfy(e -> assertThat(e.row()).isNull());
    }

    @Test
    void missingFiguresAreLeftToTheFieldConstraints() {
        // period, facility and IT energy are @NotNull on the request: these checks only skip what is absent
        assertThat(check(report(null, null, null, "10", "10", null))).isEmpty();
        assertThat(check(report(CURRENT, null, "1000", "10", "10", 200))).isEmpty();
        assertThat(check(report(CURRENT, "1500", null, null, null, 200))).isEmpty();
    }
}
