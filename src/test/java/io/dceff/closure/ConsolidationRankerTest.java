package io.dceff.closure;

import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.support.ConfigDefaults;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Receiving sites for a candidate (DESIGN.md, Consolidation options), at the boundaries of each condition. */
class ConsolidationRankerTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final LocalDate OLD = LocalDate.of(2010, 1, 1);
    private static final LocalDate RECENT = LocalDate.of(2020, 1, 1);
    private static final String HUANGPU = "310101";
    private static final String PUDONG = "310115";

    private final ConsolidationRanker ranker = new ConsolidationRanker(ClosureThresholds.of(ConfigDefaults.closure()));

    /** A candidate with PUE 1.8 (18 000 / 10 000 over twelve months) and 100 racks. */
    private static SiteFacts candidate(Integer racksInUse) {
        return new SiteFacts("C", HUANGPU, 100, OLD, new BigDecimal("18000"), new BigDecimal("10000"), 12, racksInUse);
    }

    private static SiteFacts receiving(
            String code, String district, int racks, String facilityKwh, Integer racksInUse) {
        return new SiteFacts(
                code, district, racks, RECENT, new BigDecimal(facilityKwh), new BigDecimal("10000"), 12, racksInUse);
    }

    private List<String> codes(SiteFacts candidate, SiteFacts... sites) {
        return ranker.rank(candidate, List.of(sites), AS_OF).stream()
                .map(ConsolidationOption::code)
                .toList();
    }

    @Test
    void aReceivingPueOfExactly1_300IsAcceptedAboveIsNot() {
        assertThat(codes(candidate(40), receiving("AT", HUANGPU, 1000, "13000", 100)))
                .containsExactly("AT");
        assertThat(codes(candidate(40), receiving("ABOVE", HUANGPU, 1000, "13001", 100)))
                .isEmpty();
    }

    @Test
    void spareRacksEqualToTheLoadAreEnoughOneFewerAreNot() {
        // load 40 racks in use; 1000 − 960 = 40 spare, 1000 − 961 = 39
        assertThat(codes(candidate(40), receiving("EXACT", HUANGPU, 1000, "12000", 960)))
                .containsExactly("EXACT");
        assertThat(codes(candidate(40), receiving("SHORT", HUANGPU, 1000, "12000", 961)))
                .isEmpty();
    }

    @Test
    void theLoadIsTheCandidatesRacksInUseOrItsRacksWhenUnknown() {
        // 60 spare racks: enough for 40 in use, not for the 100 racks of a candidate that reported no racks in use
        SiteFacts sixtySpare = receiving("R", HUANGPU, 1000, "12000", 940);
        assertThat(codes(candidate(40), sixtySpare)).containsExactly("R");
        assertThat(codes(candidate(null), sixtySpare)).isEmpty();
        assertThat(codes(candidate(null), receiving("R100", HUANGPU, 1000, "12000", 900)))
                .containsExactly("R100");
    }

    @Test
    void sitesWithoutReportsOrRacksInUseAreNotOffered() {
        SiteFacts noReports = new SiteFacts("NONE", HUANGPU, 1000, RECENT, BigDecimal.ZERO, BigDecimal.ZERO, 0, 100);
        SiteFacts unknownLoad = receiving("UNK", HUANGPU, 1000, "12000", null);
        assertThat(codes(candidate(40), noReports, unknownLoad)).isEmpty();
    }

    @Test
    void aSiteThatIsItselfACandidateIsNotOffered() {
        // thresholds under which a PUE of 1.25 makes a candidate while still receiving at ≤ 1.3
        ConsolidationRanker loose = new ConsolidationRanker(
                new ClosureThresholds(new BigDecimal("1.2"), 800, 10, new BigDecimal("1.3"), new BigDecimal("1.3")));
        SiteFacts oldSmallSite =
                new SiteFacts("OLD", HUANGPU, 500, OLD, new BigDecimal("12500"), new BigDecimal("10000"), 12, 100);
        SiteFacts youngSite = receiving("YOUNG", HUANGPU, 500, "12500", 100);
        assertThat(loose.rank(candidate(40), List.of(oldSmallSite, youngSite), AS_OF))
                .extracting(ConsolidationOption::code)
                .containsExactly("YOUNG");
    }

    @Test
    void theSameDistrictComesFirstThenTheLargerSavingThenTheCode() {
        List<ConsolidationOption> options = ranker.rank(
                candidate(40),
                List.of(
                        receiving("FAR", PUDONG, 1000, "11000", 100),
                        receiving("NEAR-B", HUANGPU, 1000, "12500", 100),
                        receiving("NEAR-A", HUANGPU, 1000, "12500", 100),
                        receiving("NEAR-BEST", HUANGPU, 1000, "12000", 100)),
                AS_OF);
        assertThat(options)
                .extracting(ConsolidationOption::code)
                .containsExactly("NEAR-BEST", "NEAR-A", "NEAR-B", "FAR");
        assertThat(options).extracting(ConsolidationOption::sameDistrict).containsExactly(true, true, true, false);
        // 10 000 kWh IT a year × (1.8 − 1.2) = 6000; × (1.8 − 1.25) = 5500; × (1.8 − 1.1) = 7000
        assertThat(options)
                .extracting(ConsolidationOption::savingKwh)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(
                        new BigDecimal("6000"), new BigDecimal("5500"), new BigDecimal("5500"), new BigDecimal("7000"));
        assertThat(options.get(0).pue()).isEqualByComparingTo("1.200");
        assertThat(options.get(0).pue().scale()).isEqualTo(3);
        assertThat(options.get(0).spareRacks()).isEqualTo(900);
        assertThat(options.get(3).district()).isEqualTo(PUDONG);
    }
}
