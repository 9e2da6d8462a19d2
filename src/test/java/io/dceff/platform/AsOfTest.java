package io.dceff.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.closure.Decision;
import io.dceff.closure.DecisionAction;
import io.dceff.targets.TargetRules;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "as of" rule and the capabilities' uses of it, on plain values. */
class AsOfTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private record Assessment(long id, LocalDate asOf) {}

    private static Decision merge(String site, String into, LocalDate decidedOn) {
        return new Decision(site, DecisionAction.MERGE, into, decidedOn);
    }

    @Test
    void aDecisionTheDayAfterAsOfIsNotKnownAtAsOf() {
        List<Decision> recorded = List.of(merge("S", "R", AS_OF.plusDays(1)));
        assertThat(Decision.mergeTargets(recorded, AsOf.of(AS_OF))).isEmpty();
        assertThat(Decision.mergeTargets(recorded, AsOf.of(AS_OF.plusDays(1)))).containsEntry("S", "R");
    }

    @Test
    void aDecisionOnAsOfIsInForceAtAsOf() {
        assertThat(Decision.mergeTargets(List.of(merge("S", "R", AS_OF)), AsOf.of(AS_OF)))
                .containsEntry("S", "R");
    }

    @Test
    void theLatestDecisionInForceCountsAndOfOneDayTheOneRecordedLast() {
        List<Decision> recorded = List.of(
                merge("S", "R1", LocalDate.of(2026, 1, 10)),
                new Decision("S", DecisionAction.CLOSE, null, LocalDate.of(2026, 3, 1)),
                merge("S", "R2", LocalDate.of(2026, 1, 10)),
                // recorded last, decided before the CLOSE: the CLOSE is still the latest in force from 2026-03-01
                merge("S", "R3", LocalDate.of(2026, 2, 1)));
        assertThat(Decision.mergeTargets(recorded, AsOf.of(LocalDate.of(2026, 1, 9))))
                .isEmpty();
        assertThat(Decision.mergeTargets(recorded, AsOf.of(LocalDate.of(2026, 1, 10))))
                .containsEntry("S", "R2");
        assertThat(Decision.mergeTargets(recorded, AsOf.of(LocalDate.of(2026, 2, 28))))
                .containsEntry("S", "R3");
        assertThat(Decision.mergeTargets(recorded, AsOf.of(LocalDate.of(2026, 3, 1))))
                .isEmpty();
    }

    @Test
    void aCertificationOnTheLastDayOfTheYearCountsInThatYearAndNotBefore() {
        LocalDate lastDay = LocalDate.of(2024, 12, 31);
        assertThat(AsOf.inYear(2024, TODAY).date()).isEqualTo(lastDay);
        assertThat(AsOf.inYear(2024, TODAY).inForce(lastDay)).isTrue();
        assertThat(AsOf.inYear(2023, TODAY).inForce(lastDay)).isFalse();
        assertThat(AsOf.inYear(2024, TODAY).inForce(lastDay.plusDays(1))).isFalse();
        assertThat(AsOf.inYear(2024, TODAY).inForce(null)).as("an undated fact").isFalse();
    }

    @Test
    void theCurrentYearIsMeasuredToday() {
        AsOf thisYear = AsOf.inYear(2026, TODAY);
        assertThat(thisYear.date()).isEqualTo(TODAY);
        assertThat(thisYear.inForce(TODAY)).isTrue();
        assertThat(thisYear.inForce(TODAY.plusDays(1))).isFalse();
    }

    @Test
    void aBaselineAssessmentAsOfAfterTheMeasuringDateIsNotTheBaseline() {
        // stored in this order: a later assessment first, then two backdated ones
        Assessment current = new Assessment(1, LocalDate.of(2026, 6, 30));
        Assessment endOf2024 = new Assessment(2, LocalDate.of(2024, 12, 31));
        Assessment mid2023 = new Assessment(3, LocalDate.of(2023, 6, 30));
        List<Assessment> stored = List.of(current, endOf2024, mid2023);
        assertThat(TargetRules.baseline(stored, Assessment::asOf, AsOf.of(LocalDate.of(2022, 12, 31))))
                .isEmpty();
        assertThat(TargetRules.baseline(stored, Assessment::asOf, AsOf.of(LocalDate.of(2023, 12, 31))))
                .contains(mid2023);
        // the first stored of those in force, so an assessment stored later never moves a baseline already there
        assertThat(TargetRules.baseline(stored, Assessment::asOf, AsOf.of(LocalDate.of(2024, 12, 31))))
                .contains(endOf2024);
        assertThat(TargetRules.baseline(stored, Assessment::asOf, AsOf.of(LocalDate.of(2026, 6, 29))))
                .contains(endOf2024);
        assertThat(TargetRules.baseline(stored, Assessment::asOf, AsOf.of(LocalDate.of(2026, 6, 30))))
                .contains(current);
    }

    @Test
    void aDeadlineIsOverAtTheEndOfItsDay() {
        LocalDate deadline = LocalDate.of(2025, 12, 31);
        assertThat(AsOf.of(deadline.minusDays(1)).isOver(deadline)).isFalse();
        assertThat(AsOf.of(deadline).isOver(deadline)).isTrue();
        assertThat(AsOf.of(deadline.plusDays(1)).isOver(deadline)).isTrue();
    }

    @Test
    void theLatestFactOfManyAndTheFactsInForce() {
        List<LocalDate> dates = List.of(LocalDate.of(2024, 5, 1), LocalDate.of(2023, 1, 1), LocalDate.of(2025, 1, 1));
        AsOf endOf2024 = AsOf.of(LocalDate.of(2024, 12, 31));
        assertThat(endOf2024.latest(dates, d -> d)).contains(LocalDate.of(2024, 5, 1));
        assertThat(endOf2024.inForce(dates, d -> d))
                .containsExactly(LocalDate.of(2024, 5, 1), LocalDate.of(2023, 1, 1));
        assertThat(AsOf.of(LocalDate.of(2022, 1, 1)).latest(dates, d -> d)).isEmpty();
    }
}
