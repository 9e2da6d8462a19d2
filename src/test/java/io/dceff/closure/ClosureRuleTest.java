package io.dceff.closure;

import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.platform.ConversionFactors;
import io.dceff.support.ConfigDefaults;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosureRuleTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final LocalDate OLD = LocalDate.of(2010, 1, 1);
    private final ClosureRule rule = new ClosureRule(ClosureThresholds.of(ConfigDefaults.closure()));

    private static SiteFacts site(
            String code, int racks, LocalDate commissioned, String facility, String it, int months) {
        return new SiteFacts(
                code, "310101", racks, commissioned, new BigDecimal(facility), new BigDecimal(it), months, null);
    }

    @Test
    void theWindowEndsWithTheLastMonthEndingOnOrBeforeTheDate() {
        assertThat(ClosureWindow.endingOnOrBefore(LocalDate.of(2025, 6, 30)))
                .isEqualTo(new ClosureWindow(YearMonth.of(2024, 7), YearMonth.of(2025, 6)));
        assertThat(ClosureWindow.endingOnOrBefore(LocalDate.of(2025, 6, 15)))
                .isEqualTo(new ClosureWindow(YearMonth.of(2024, 6), YearMonth.of(2025, 5)));
        assertThat(ClosureWindow.endingOnOrBefore(LocalDate.of(2025, 7, 1)))
                .isEqualTo(new ClosureWindow(YearMonth.of(2024, 7), YearMonth.of(2025, 6)));
    }

    @Test
    void pueOfExactly1_700IsNotACandidate() {
        ClosureEvaluation e = rule.evaluate(site("A", 500, OLD, "17000", "10000", 12), AS_OF);
        assertThat(e.pue().met()).isFalse();
        assertThat(e.status()).isEqualTo(ClosureStatus.WATCH);
    }

    @Test
    void pueOf1_701IsACandidate() {
        assertThat(rule.evaluate(site("A", 500, OLD, "17010", "10000", 12), AS_OF)
                        .status())
                .isEqualTo(ClosureStatus.CANDIDATE);
        // even a hair above: 1.70000001
        assertThat(rule.evaluate(site("A", 500, OLD, "170000001", "100000000", 12), AS_OF)
                        .pue()
                        .met())
                .isTrue();
    }

    @Test
    void eightHundredRacksAreSmallEightHundredAndOneAreNot() {
        assertThat(rule.evaluate(site("A", 800, OLD, "18000", "10000", 12), AS_OF)
                        .status())
                .isEqualTo(ClosureStatus.CANDIDATE);
        ClosureEvaluation big = rule.evaluate(site("A", 801, OLD, "18000", "10000", 12), AS_OF);
        assertThat(big.racks().met()).isFalse();
        assertThat(big.status()).isEqualTo(ClosureStatus.WATCH);
    }

    @Test
    void tenYearsToTheDayIsOldOneDayShortIsNot() {
        assertThat(OperatingAge.fullYears(LocalDate.of(2015, 6, 30), AS_OF)).isEqualTo(10);
        assertThat(OperatingAge.fullYears(LocalDate.of(2015, 7, 1), AS_OF)).isEqualTo(9);
        assertThat(rule.evaluate(site("A", 500, LocalDate.of(2015, 6, 30), "18000", "10000", 12), AS_OF)
                        .status())
                .isEqualTo(ClosureStatus.CANDIDATE);
        // one day short, turning ten within twelve months while meeting the other two: watch
        assertThat(rule.evaluate(site("A", 500, LocalDate.of(2015, 7, 1), "18000", "10000", 12), AS_OF)
                        .status())
                .isEqualTo(ClosureStatus.WATCH);
    }

    @Test
    void aLeapDayCommissioningCompletesItsYearOnTheFirstOfMarch() {
        assertThat(OperatingAge.fullYears(LocalDate.of(2016, 2, 29), LocalDate.of(2026, 2, 28)))
                .isEqualTo(9);
        assertThat(OperatingAge.fullYears(LocalDate.of(2016, 2, 29), LocalDate.of(2026, 3, 1)))
                .isEqualTo(10);
        assertThat(OperatingAge.fullYears(LocalDate.of(2016, 2, 29), LocalDate.of(2020, 2, 29)))
                .isEqualTo(4);
    }

    @Test
    void aSmallOldSiteWithoutReportsIsNoData() {
        ClosureEvaluation e = rule.evaluate(site("A", 300, OLD, "0", "0", 0), AS_OF);
        assertThat(e.status()).isEqualTo(ClosureStatus.NO_DATA);
        assertThat(e.pue().met()).isNull();
        assertThat(rule.annualSavingKwh(e.site(), new BigDecimal("1.3"))).isNull();
        // a large site without reports is not listed
        assertThat(rule.evaluate(site("B", 900, OLD, "0", "0", 0), AS_OF).status())
                .isEqualTo(ClosureStatus.NONE);
    }

    @Test
    void theSavingScalesMissingMonthsToAYear() {
        // six months: IT 6000 kWh → 12 000 a year; PUE 9000/6000 = 1.5; (1.5 − 1.3) × 12 000 = 2400 kWh
        SiteFacts facts = site("A", 300, OLD, "9000", "6000", 6);
        assertThat(rule.annualSavingKwh(facts, new BigDecimal("1.3"))).isEqualByComparingTo("2400");
        // a receiving site less efficient than the candidate saves nothing
        assertThat(rule.annualSavingKwh(facts, new BigDecimal("1.6"))).isEqualByComparingTo("0");
        // 2400 kWh × 0.1229 kgce/kWh = 294.96 kgce = 0.29496 tce; × 0.42 kgCO2/kWh = 1.008 tCO2
        ConversionFactors factors = ConversionFactors.of(ConfigDefaults.factors());
        assertThat(factors.toTce(new BigDecimal("2400"))).isEqualByComparingTo("0.29496");
        assertThat(factors.toTco2(new BigDecimal("2400"))).isEqualByComparingTo("1.008");
    }

    @Test
    void consolidationPrefersTheSameDistrictThenTheLargerSaving() {
        SiteFacts candidate =
                new SiteFacts("C", "310101", 100, OLD, new BigDecimal("18000"), new BigDecimal("10000"), 12, 40);
        SiteFacts nearButWorse = new SiteFacts(
                "NEAR",
                "310101",
                1000,
                LocalDate.of(2020, 1, 1),
                new BigDecimal("12900"),
                new BigDecimal("10000"),
                12,
                500);
        SiteFacts farButBetter = new SiteFacts(
                "FAR",
                "310115",
                1000,
                LocalDate.of(2020, 1, 1),
                new BigDecimal("11500"),
                new BigDecimal("10000"),
                12,
                500);
        SiteFacts full = new SiteFacts(
                "FULL",
                "310101",
                1000,
                LocalDate.of(2020, 1, 1),
                new BigDecimal("11500"),
                new BigDecimal("10000"),
                12,
                980);
        SiteFacts inefficient = new SiteFacts(
                "HOT",
                "310101",
                1000,
                LocalDate.of(2020, 1, 1),
                new BigDecimal("13100"),
                new BigDecimal("10000"),
                12,
                100);
        SiteFacts unknownLoad = new SiteFacts(
                "UNK",
                "310101",
                1000,
                LocalDate.of(2020, 1, 1),
                new BigDecimal("11500"),
                new BigDecimal("10000"),
                12,
                null);
        List<ConsolidationOption> options = new ConsolidationRanker(ClosureThresholds.of(ConfigDefaults.closure()))
                .rank(candidate, List.of(farButBetter, full, inefficient, nearButWorse, unknownLoad, candidate), AS_OF);
        assertThat(options).extracting(ConsolidationOption::code).containsExactly("NEAR", "FAR");
        // NEAR: 10 000 × (1.8 − 1.29) = 5100 kWh; FAR: 10 000 × (1.8 − 1.15) = 6500 kWh
        assertThat(options.get(0).savingKwh()).isEqualByComparingTo("5100");
        assertThat(options.get(1).savingKwh()).isEqualByComparingTo("6500");
        assertThat(options.get(0).spareRacks()).isEqualTo(500);
    }

    @Test
    void theEvaluationCarriesTheUnroundedPueAndEachCriterionsEvidence() {
        // 17 010 / 10 000 = 1.701; 2010-01-01 → 2025-06-30 is 15 full years
        ClosureEvaluation e = rule.evaluate(site("A", 500, OLD, "17010", "10000", 12), AS_OF);
        assertThat(e.windowPue()).isEqualByComparingTo("1.701");
        assertThat(e.yearsInOperation()).isEqualTo(15);
        assertThat(e.pue()).isEqualTo(new Criterion(e.windowPue(), new BigDecimal("1.7"), ">", true));
        assertThat(e.racks()).isEqualTo(new Criterion(BigDecimal.valueOf(500), BigDecimal.valueOf(800), "<=", true));
        assertThat(e.age()).isEqualTo(new Criterion(BigDecimal.valueOf(15), BigDecimal.valueOf(10), ">=", true));
        assertThat(e.annualSavingKwh()).as("the saving is added by the caller").isNull();
    }

    @Test
    void aSmallYoungSiteWithoutReportsIsNotNoData() {
        ClosureEvaluation e = rule.evaluate(site("A", 300, LocalDate.of(2015, 7, 1), "0", "0", 0), AS_OF);
        assertThat(e.status()).isEqualTo(ClosureStatus.NONE);
        assertThat(e.windowPue()).isNull();
    }

    @Test
    void reportedMonthsWithoutItEnergyAreNoDataNotAPue() {
        // nothing to divide by: the site must still be chased, never dropped or given a PUE
        ClosureEvaluation e = rule.evaluate(site("A", 300, OLD, "5000", "0", 2), AS_OF);
        assertThat(e.status()).isEqualTo(ClosureStatus.NO_DATA);
        assertThat(e.windowPue()).isNull();
        assertThat(e.pue().met()).isNull();
        assertThat(rule.annualSavingKwh(e.site(), new BigDecimal("1.3"))).isNull();
    }

    @Test
    void withoutAReportedMonthThereIsNoDataWhateverTheSums() {
        ClosureEvaluation e = rule.evaluate(site("A", 300, OLD, "18000", "10000", 0), AS_OF);
        assertThat(e.status()).isEqualTo(ClosureStatus.NO_DATA);
        assertThat(e.windowPue()).isNull();
        assertThat(rule.annualSavingKwh(e.site(), new BigDecimal("1.3"))).isNull();
    }

    @Test
    void twoCriteriaOfThreeAreTheWatchList() {
        // PUE and age, too many racks
        assertThat(rule.evaluate(site("A", 801, OLD, "18000", "10000", 12), AS_OF)
                        .status())
                .isEqualTo(ClosureStatus.WATCH);
        // racks and age, efficient enough
        assertThat(rule.evaluate(site("A", 500, OLD, "15000", "10000", 12), AS_OF)
                        .status())
                .isEqualTo(ClosureStatus.WATCH);
        // PUE and racks, far from ten years
        assertThat(rule.evaluate(site("A", 500, LocalDate.of(2022, 1, 1), "18000", "10000", 12), AS_OF)
                        .status())
                .isEqualTo(ClosureStatus.WATCH);
    }

    @Test
    void oneCriterionIsNotTheWatchListEvenTurningTenSoon() {
        LocalDate turningTenSoon = LocalDate.of(2016, 1, 1);
        // only racks (turning ten within the year does not stand in for the PUE)
        assertThat(rule.evaluate(site("A", 500, turningTenSoon, "15000", "10000", 12), AS_OF)
                        .status())
                .isEqualTo(ClosureStatus.NONE);
        // only PUE (turning ten within the year does not stand in for the racks)
        assertThat(rule.evaluate(site("A", 801, turningTenSoon, "18000", "10000", 12), AS_OF)
                        .status())
                .isEqualTo(ClosureStatus.NONE);
        // only age
        assertThat(rule.evaluate(site("A", 801, OLD, "15000", "10000", 12), AS_OF)
                        .status())
                .isEqualTo(ClosureStatus.NONE);
        // none
        assertThat(rule.evaluate(site("A", 801, LocalDate.of(2022, 1, 1), "15000", "10000", 12), AS_OF)
                        .status())
                .isEqualTo(ClosureStatus.NONE);
    }

    @Test
    void theThresholdsComeFromConfiguration() {
        ClosureRule strict = new ClosureRule(
                new ClosureThresholds(new BigDecimal("1.5"), 1000, 5, new BigDecimal("1.3"), new BigDecimal("1.3")));
        // PUE 1.6, 900 racks, 6 years: a candidate under these thresholds, not under the defaults
        SiteFacts facts = site("A", 900, LocalDate.of(2019, 1, 1), "16000", "10000", 12);
        assertThat(strict.evaluate(facts, AS_OF).status()).isEqualTo(ClosureStatus.CANDIDATE);
        assertThat(rule.evaluate(facts, AS_OF).status()).isEqualTo(ClosureStatus.NONE);
    }

    @Test
    void aReceivingSiteAsEfficientAsTheCandidateSavesNothing() {
        // twelve months: PUE 13 000 / 10 000 = 1.3 exactly
        assertThat(rule.annualSavingKwh(site("A", 300, OLD, "13000", "10000", 12), new BigDecimal("1.3")))
                .isEqualByComparingTo("0");
        // a hair better than the candidate saves a little: 10 000 × 0.0001 = 1 kWh
        assertThat(rule.annualSavingKwh(site("A", 300, OLD, "13000", "10000", 12), new BigDecimal("1.2999")))
                .isEqualByComparingTo("1");
    }
}
