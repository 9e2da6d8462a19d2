package io.dceff.pue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PueTrendCalculatorTest {

    private final PueTrendCalculator calculator =
            new PueTrendCalculator(GradeThresholds.gb40879(), new BigDecimal("0.42"));

    private static MonthlyEnergy month(String period, String facility, String it) {
        return MonthlyEnergy.of(YearMonth.parse(period), facility, it);
    }

    @Test
    void annualPueIsSumOverSumNotAMeanOfMonths() {
        // 200/100 = 2.0 and 1100/1000 = 1.1: the mean would be 1.55; Σ 1300 / Σ 1100 = 1.1818…
        PueTrend trend = calculator.trend(
                List.of(month("2024-01", "200", "100"), month("2024-02", "1100", "1000")),
                YearMonth.of(2024, 1),
                YearMonth.of(2024, 2),
                500);
        AnnualPue year = trend.annual().get(0);
        assertThat(year.months()).isEqualTo(2);
        assertThat(Pue.display(year.pue())).isEqualByComparingTo("1.182");
        assertThat(year.pue()).isNotEqualByComparingTo("1.55");
    }

    @Test
    void trailingWindowCountsItsMonthsAndListsTheMissingOnes() {
        List<MonthlyEnergy> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            if (m != 5 && m != 6) {
                months.add(month(YearMonth.of(2024, m).toString(), "1300", "1000"));
            }
        }
        PueTrend trend = calculator.trend(months, YearMonth.of(2024, 1), YearMonth.of(2024, 12), 500);
        assertThat(trend.trailing12().months()).isEqualTo(10);
        assertThat(trend.trailing12().start()).isEqualTo(YearMonth.of(2024, 1));
        assertThat(trend.missingMonths()).containsExactly(YearMonth.of(2024, 5), YearMonth.of(2024, 6));
        assertThat(trend.grade()).isEqualTo(EnergyGrade.GRADE_2);
    }

    @Test
    void yearOnYearChangeComparesTrailingWindowsTwelveMonthsApart() {
        List<MonthlyEnergy> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(month(YearMonth.of(2023, m).toString(), "1500", "1000")); // 1.5
            months.add(month(YearMonth.of(2024, m).toString(), "1400", "1000")); // 1.4
        }
        PueTrend trend = calculator.trend(months, YearMonth.of(2024, 1), YearMonth.of(2024, 12), 500);
        assertThat(trend.yoyChange()).isEqualByComparingTo("-0.1");
    }

    @Test
    void theilSenSlopeIsExactOnALineAndIgnoresOneOutlier() {
        // PUE falls by 0.01 a month: -0.12 a year
        List<MonthlyEnergy> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add(month(YearMonth.of(2024, 1).plusMonths(m).toString(), String.valueOf(1600 - 10 * m), "1000"));
        }
        PueTrend clean = calculator.trend(months, YearMonth.of(2024, 1), YearMonth.of(2024, 12), 500);
        assertThat(clean.slopePerYear()).isEqualByComparingTo("-0.12");
        months.set(5, month("2024-06", "3000", "1000"));
        PueTrend withOutlier = calculator.trend(months, YearMonth.of(2024, 1), YearMonth.of(2024, 12), 500);
        assertThat(withOutlier.slopePerYear()).isEqualByComparingTo("-0.12");
    }

    @Test
    void gradesAtTheirBoundaries() {
        GradeThresholds g = GradeThresholds.gb40879();
        assertThat(g.grade(new BigDecimal("1.20"), 101)).isEqualTo(EnergyGrade.GRADE_1);
        assertThat(g.grade(new BigDecimal("1.2001"), 101)).isEqualTo(EnergyGrade.GRADE_2);
        assertThat(g.grade(new BigDecimal("1.30"), 101)).isEqualTo(EnergyGrade.GRADE_2);
        assertThat(g.grade(new BigDecimal("1.50"), 101)).isEqualTo(EnergyGrade.GRADE_3);
        assertThat(g.grade(new BigDecimal("1.5001"), 101)).isEqualTo(EnergyGrade.EXCEEDS_LIMIT);
        assertThat(g.grade(new BigDecimal("1.9"), 100)).isEqualTo(EnergyGrade.NOT_APPLICABLE);
        assertThat(g.grade(null, 101)).isEqualTo(EnergyGrade.NO_DATA);
    }

    @Test
    void indicatorsUseTheMonthsThatCarryTheirFigures() {
        // REF: only January carries renewables: 300 / 1500 = 0.2; WUE: 2 m³ = 2000 L over 1000 kWh IT = 2.0 L/kWh;
        // CUE: (1500 + 1200) × 0.42 / 2000 = 0.567
        MonthlyEnergy jan = new MonthlyEnergy(
                YearMonth.of(2024, 1),
                new BigDecimal("1500"),
                new BigDecimal("1000"),
                new BigDecimal("300"),
                null,
                new BigDecimal("2"));
        MonthlyEnergy feb = month("2024-02", "1200", "1000");
        Indicators i = calculator
                .trend(List.of(jan, feb), YearMonth.of(2024, 1), YearMonth.of(2024, 2), 500)
                .annual()
                .get(0)
                .indicators();
        assertThat(i.ref()).isEqualByComparingTo("0.2");
        assertThat(i.refMonths()).isEqualTo(1);
        assertThat(i.erf()).isNull();
        assertThat(i.wue()).isEqualByComparingTo("2.0");
        assertThat(i.cue()).isEqualByComparingTo("0.567");
    }

    @Test
    void refusesAnInvertedSpan() {
        assertThatThrownBy(() -> calculator.trend(List.of(), YearMonth.of(2024, 2), YearMonth.of(2024, 1), 500))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTrendCoversAtMost600Months() {
        // 2000-01 … 2049-12 is 600 months; one more is refused
        PueTrend longest = calculator.trend(
                List.of(month("2049-12", "1300", "1000")), YearMonth.of(2000, 1), YearMonth.of(2049, 12), 500);
        assertThat(longest.missingMonths()).hasSize(599);
        assertThatThrownBy(() -> calculator.trend(List.of(), YearMonth.of(2000, 1), YearMonth.of(2050, 1), 500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("600 months");
        // a single month is a span of its own
        assertThat(calculator
                        .trend(List.of(), YearMonth.of(2024, 1), YearMonth.of(2024, 1), 500)
                        .missingMonths())
                .containsExactly(YearMonth.of(2024, 1));
    }

    @Test
    void twoMonthsHaveASlopeOneHasNone() {
        PueTrend two = calculator.trend(
                List.of(month("2024-01", "1500", "1000"), month("2024-03", "1460", "1000")),
                YearMonth.of(2024, 1),
                YearMonth.of(2024, 3),
                500);
        // −0.04 over two months: −0.02 a month, −0.24 a year
        assertThat(two.slopePerYear()).isEqualByComparingTo("-0.24");
        PueTrend one = calculator.trend(
                List.of(month("2024-01", "1500", "1000")), YearMonth.of(2024, 1), YearMonth.of(2024, 3), 500);
        assertThat(one.slopePerYear()).isNull();
    }

    @Test
    void theilSenSlopeIsTheMedianOfTheSortedPairSlopes() {
        // PUE 1.0, 1.3, 1.1, 1.7: pair slopes per month 0.3, 0.05, 0.2333…, −0.2, 0.2, 0.6; sorted, the middle two
        // are 0.2 and 0.2333…: median 0.21666… a month, 2.6 a year
        PueTrend trend = calculator.trend(
                List.of(
                        month("2024-01", "1000", "1000"),
                        month("2024-02", "1300", "1000"),
                        month("2024-03", "1100", "1000"),
                        month("2024-04", "1700", "1000")),
                YearMonth.of(2024, 1),
                YearMonth.of(2024, 4),
                500);
        assertThat(trend.slopePerYear()).isCloseTo(new BigDecimal("2.6"), within(new BigDecimal("1E-30")));
        // an odd count of pairs: PUE 1.0, 1.3, 1.1 → slopes 0.3, 0.05, −0.2: median 0.05 a month, 0.6 a year
        PueTrend odd = calculator.trend(
                List.of(
                        month("2024-01", "1000", "1000"),
                        month("2024-02", "1300", "1000"),
                        month("2024-03", "1100", "1000")),
                YearMonth.of(2024, 1),
                YearMonth.of(2024, 3),
                500);
        assertThat(odd.slopePerYear()).isEqualByComparingTo("0.6");
    }

    @Test
    void theMonthlySeriesAndTheYearsOfASpan() {
        PueTrend trend = calculator.trend(
                List.of(
                        month("2024-12", "1500", "1000"),
                        month("2023-12", "2000", "1000"),
                        month("2025-01", "1200", "1000")),
                YearMonth.of(2024, 12),
                YearMonth.of(2025, 1),
                500);
        // a month before the span is not in its series nor its years
        assertThat(trend.monthly())
                .extracting(MonthlyPue::period)
                .containsExactly(YearMonth.of(2024, 12), YearMonth.of(2025, 1));
        assertThat(trend.monthly().get(0).pue()).isEqualByComparingTo("1.5");
        assertThat(trend.monthly().get(0).facilityKwh()).isEqualByComparingTo("1500");
        assertThat(trend.annual()).extracting(AnnualPue::year).containsExactly(2024, 2025);
        assertThat(trend.annual().get(0).pue()).isEqualByComparingTo("1.5");
        assertThat(trend.annual().get(1).itKwh()).isEqualByComparingTo("1000");
        // the trailing twelve months (2024-02 … 2025-01) end with the span, December 2023 outside them:
        // (1500 + 1200) / 2000
        assertThat(trend.trailing12().start()).isEqualTo(YearMonth.of(2024, 2));
        assertThat(trend.trailing12().months()).isEqualTo(2);
        assertThat(trend.trailing12().pue()).isEqualByComparingTo("1.35");
        assertThat(trend.from()).isEqualTo(YearMonth.of(2024, 12));
        assertThat(trend.to()).isEqualTo(YearMonth.of(2025, 1));
    }

    @Test
    void withoutAYearBeforeThereIsNoYearOnYearChangeAndNoReportsNoGrade() {
        PueTrend trend = calculator.trend(
                List.of(month("2024-06", "1300", "1000")), YearMonth.of(2024, 1), YearMonth.of(2024, 12), 500);
        assertThat(trend.yoyChange()).isNull();
        PueTrend empty = calculator.trend(List.of(), YearMonth.of(2024, 1), YearMonth.of(2024, 12), 500);
        assertThat(empty.trailing12().pue()).isNull();
        assertThat(empty.grade()).isEqualTo(EnergyGrade.NO_DATA);
        assertThat(empty.annual()).isEmpty();
        // an edge site is outside GB 40879 whatever its PUE
        assertThat(calculator
                        .trend(
                                List.of(month("2024-06", "1300", "1000")),
                                YearMonth.of(2024, 1),
                                YearMonth.of(2024, 12),
                                100)
                        .grade())
                .isEqualTo(EnergyGrade.NOT_APPLICABLE);
    }

    @Test
    void reuseFactorAndCarbonUsage() {
        // ERF: only January carries reused energy: 150 / 1500 = 0.1; without a grid factor there is no CUE
        MonthlyEnergy jan = new MonthlyEnergy(
                YearMonth.of(2024, 1),
                new BigDecimal("1500"),
                new BigDecimal("1000"),
                null,
                new BigDecimal("150"),
                null);
        MonthlyEnergy feb = month("2024-02", "1200", "1000");
        Indicators i = new PueTrendCalculator(GradeThresholds.gb40879(), null)
                .trend(List.of(jan, feb), YearMonth.of(2024, 1), YearMonth.of(2024, 2), 500)
                .trailing12()
                .indicators();
        assertThat(i.erf()).isEqualByComparingTo("0.1");
        assertThat(i.erfMonths()).isEqualTo(1);
        assertThat(i.ref()).isNull();
        assertThat(i.refMonths()).isZero();
        assertThat(i.wue()).isNull();
        assertThat(i.wueMonths()).isZero();
        assertThat(i.cue()).isNull();
    }

    @Test
    void aMonthWithoutItEnergyHasNoPueAndNoWaterUsage() {
        MonthlyEnergy idle = new MonthlyEnergy(
                YearMonth.of(2024, 1), new BigDecimal("50"), BigDecimal.ZERO, null, null, new BigDecimal("1"));
        PueTrend trend = calculator.trend(List.of(idle), YearMonth.of(2024, 1), YearMonth.of(2024, 1), 500);
        assertThat(trend.monthly().get(0).pue()).isNull();
        assertThat(trend.trailing12().indicators().wue()).isNull();
        assertThat(trend.trailing12().indicators().wueMonths()).isEqualTo(1);
        assertThat(trend.trailing12().indicators().cue()).isNull();
    }
}
