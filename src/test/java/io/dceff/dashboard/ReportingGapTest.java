package io.dceff.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportingGapTest {

    private static final YearMonth FROM = YearMonth.of(2025, 11);
    private static final YearMonth TO = YearMonth.of(2026, 10);

    @Test
    void everyUnreportedMonthOfTheSpanIsMissing() {
        List<YearMonth> missing = ReportingGap.missing(
                FROM, TO, LocalDate.of(2010, 1, 1), List.of(YearMonth.of(2025, 11), YearMonth.of(2026, 10)));
        assertThat(missing).hasSize(10).startsWith(YearMonth.of(2025, 12)).endsWith(YearMonth.of(2026, 9));
        assertThat(ReportingGap.owed(FROM, TO, LocalDate.of(2010, 1, 1))).isEqualTo(12);
    }

    @Test
    void monthsBeforeCommissioningAreNotOwed() {
        LocalDate commissioned = LocalDate.of(2026, 8, 20);
        assertThat(ReportingGap.missing(FROM, TO, commissioned, List.of(YearMonth.of(2026, 9))))
                .containsExactly(YearMonth.of(2026, 8), YearMonth.of(2026, 10));
        assertThat(ReportingGap.owed(FROM, TO, commissioned)).isEqualTo(3);
        assertThat(ReportingGap.owed(FROM, TO, LocalDate.of(2026, 11, 1))).isZero();
    }
}
