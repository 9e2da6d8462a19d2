package io.dceff.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.pue.MonthlyEnergy;
import io.dceff.support.ConfigDefaults;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class QualityFlagsTest {

    private final QualityFlags flags = new QualityFlags(QualityThresholds.of(ConfigDefaults.reports()));
    private static final YearMonth MARCH = YearMonth.of(2024, 3);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aPueOfExactlyThreeIsNotFlaggedAboveIs() {
        assertThat(flags.assess(MARCH, d("3000"), d("1000"), 100, null, false)).isEmpty();
        assertThat(flags.assess(MARCH, d("3001"), d("1000"), 100, null, false))
                .containsExactly(QualityFlag.PUE_ABOVE_3);
    }

    @Test
    void aJumpOfMoreThanThirtyPercentIsFlagged() {
        MonthlyEnergy february = MonthlyEnergy.of(YearMonth.of(2024, 2), "1000", "1000"); // PUE 1.0
        assertThat(flags.assess(MARCH, d("1300"), d("1000"), 100, february, true))
                .isEmpty(); // +30%
        assertThat(flags.assess(MARCH, d("1301"), d("1000"), 100, february, true))
                .containsExactly(QualityFlag.PUE_JUMP);
    }

    @Test
    void itEnergyAboveWhatTheRacksCanDrawIsFlagged() {
        // 10 racks × 2.5 kW × 744 h (March) = 18 600 kWh
        assertThat(flags.assess(MARCH, d("30000"), d("18600"), 10, null, false)).isEmpty();
        assertThat(flags.assess(MARCH, d("30000"), d("18600.001"), 10, null, false))
                .containsExactly(QualityFlag.IT_ABOVE_RACK_CAPACITY);
        // February 2024 has 29 days: 10 × 2.5 × 696 = 17 400
        assertThat(flags.assess(YearMonth.of(2024, 2), d("30000"), d("17401"), 10, null, false))
                .containsExactly(QualityFlag.IT_ABOVE_RACK_CAPACITY);
    }

    @Test
    void aMissingPreviousMonthAfterEarlierReportsIsAGap() {
        assertThat(flags.assess(MARCH, d("1500"), d("1000"), 100, null, true)).containsExactly(QualityFlag.GAP_BEFORE);
        assertThat(flags.assess(MARCH, d("1500"), d("1000"), 100, null, false)).isEmpty();
    }

    @Test
    void aPreviousMonthWithoutAPueIsNoBasisForAJump() {
        // no IT energy, or no facility energy, the month before: no ratio to compare with, and no error
        MonthlyEnergy noIt = MonthlyEnergy.of(YearMonth.of(2024, 2), "1000", "0");
        MonthlyEnergy noFacility = MonthlyEnergy.of(YearMonth.of(2024, 2), "0", "1000");
        assertThat(flags.assess(MARCH, d("2900"), d("1000"), 100, noIt, true)).isEmpty();
        assertThat(flags.assess(MARCH, d("2900"), d("1000"), 100, noFacility, true))
                .isEmpty();
    }

    @Test
    void aFallOfMoreThanThirtyPercentIsAJumpToo() {
        MonthlyEnergy february = MonthlyEnergy.of(YearMonth.of(2024, 2), "2000", "1000"); // PUE 2.0
        assertThat(flags.assess(MARCH, d("1400"), d("1000"), 100, february, true))
                .isEmpty(); // −30%
        assertThat(flags.assess(MARCH, d("1399"), d("1000"), 100, february, true))
                .containsExactly(QualityFlag.PUE_JUMP);
    }
}
