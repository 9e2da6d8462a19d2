package io.dceff.targets;

import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.platform.AsOf;
import io.dceff.targets.TargetRules.TwoYears;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetRulesTest {

    private static final LocalDate START = LocalDate.of(2022, 7, 1);
    private static final LocalDate END = LocalDate.of(2025, 12, 31);

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void theElapsedShareOfThePlanPeriod() {
        assertThat(TargetRules.elapsedShare(START, END, LocalDate.of(2021, 12, 31)))
                .isEqualByComparingTo("0");
        assertThat(TargetRules.elapsedShare(START, END, LocalDate.of(2026, 12, 31)))
                .isEqualByComparingTo("1");
        // 2022-07-01 → 2024-12-31 is 914 days of 1279: 0.7146
        assertThat(TargetRules.elapsedShare(START, END, LocalDate.of(2024, 12, 31)))
                .isEqualByComparingTo("0.7146");
    }

    @Test
    void metOnTrackAndBehindBeforeTheDeadline() {
        AsOf before = AsOf.of(LocalDate.of(2024, 12, 31));
        assertThat(TargetRules.status(d("5"), d("5"), d("0.5"), before, END)).isEqualTo(TargetStatus.MET);
        assertThat(TargetRules.status(d("3"), d("5"), d("0.6"), before, END))
                .isEqualTo(TargetStatus.ON_TRACK); // 0.6 ≥ 0.6
        assertThat(TargetRules.status(d("3"), d("5"), d("0.6001"), before, END)).isEqualTo(TargetStatus.BEHIND);
        assertThat(TargetRules.status(d("-0.002"), d("0.01"), d("0"), before, END))
                .isEqualTo(TargetStatus.BEHIND);
    }

    @Test
    void missedOnceTheDeadlineIsOverAndNotMet() {
        // measured at the end of the deadline's own day, the time is up
        assertThat(TargetRules.status(d("4"), d("5"), d("1"), AsOf.of(END), END))
                .isEqualTo(TargetStatus.MISSED);
        assertThat(TargetRules.status(d("4"), d("5"), d("1"), AsOf.of(END.minusDays(1)), END))
                .isEqualTo(TargetStatus.BEHIND);
        assertThat(TargetRules.status(d("0.9999"), d("1"), d("1"), AsOf.of(END.plusYears(1)), END))
                .isEqualTo(TargetStatus.MISSED);
        assertThat(TargetRules.status(d("5"), d("5"), d("1"), AsOf.of(END.plusYears(1)), END))
                .isEqualTo(TargetStatus.MET);
    }

    @Test
    void noFigureIsNoBaselineNeverBehind() {
        assertThat(TargetRules.status(null, d("1"), d("0"), AsOf.of(START), END))
                .isEqualTo(TargetStatus.NO_BASELINE);
        assertThat(TargetRules.status(null, d("1"), d("1"), AsOf.of(END.plusDays(1)), END))
                .isEqualTo(TargetStatus.NO_BASELINE);
        assertThat(TargetRules.closureShare(0, 0)).isNull();
        assertThat(TargetRules.closureShare(1, 3)).isEqualByComparingTo("0.3333");
    }

    @Test
    void theEnergySavingIsWeightedByThisYearsItLoad() {
        // A: PUE 1.5 → 1.4 at IT 1200: expected 1800, actual 1680; B grew its load: PUE 2.0 → 1.9 at IT 3000:
        // expected 6000, actual 5700; saving (120 + 300) / 7800 = 0.0538…
        var saving = TargetRules.energySaving(List.of(
                new TwoYears("A", d("1500"), d("1000"), d("1680"), d("1200")),
                new TwoYears("B", d("2000"), d("1000"), d("5700"), d("3000"))));
        assertThat(saving.share()).isEqualByComparingTo(d("420").divide(d("7800"), MathContext.DECIMAL128));
        assertThat(saving.dataCenters()).isEqualTo(2);
        assertThat(TargetRules.energySaving(List.of()).share()).isNull();
    }
}
