package io.dceff.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.rating.RatingResult.CriterionResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatingEvaluatorTest {

    private static final RatingScheme SCHEME = new RatingSchemeLoader(DesignDeclaration.FIELDS)
            .load(Path.of("ratings/green-design-v1.yaml"));
    private final RatingEvaluator evaluator = new RatingEvaluator();

    /** designPue 1.15 → pue 40 points; metering category 1 → 0; nothing else: a score of exactly 40. */
    private static Map<String, Object> base() {
        Map<String, Object> d = new HashMap<>();
        d.put("designPue", new BigDecimal("1.15"));
        d.put("meteringCategory", 1);
        d.put("designWue", new BigDecimal("3.0"));
        return d;
    }

    private RatingResult rate(Map<String, Object> declaration) {
        return evaluator.evaluate(SCHEME, declaration);
    }

    private static BigDecimal points(RatingResult result, String id) {
        return result.criteria().stream().filter(c -> c.id().equals(id)).map(CriterionResult::points).findFirst()
                .orElseThrow();
    }

    @Test
    void fortyPointsIsOneStarJustBelowIsNone() {
        assertThat(rate(base()).score()).isEqualByComparingTo("40");
        assertThat(rate(base()).stars()).isEqualTo(1);
        Map<String, Object> d = base();
        // 40 × (1.50 − 1.1500875) / 0.35 = 39.99
        d.put("designPue", new BigDecimal("1.1500875"));
        assertThat(rate(d).score()).isEqualByComparingTo("39.99");
        assertThat(rate(d).stars()).isZero();
    }

    @Test
    void fiftyIsTwoStars() {
        Map<String, Object> d = base();
        d.put("designWue", new BigDecimal("2.0"));        // water 10 → 50
        assertThat(rate(d).stars()).isEqualTo(2);
        d.put("designWue", new BigDecimal("2.1"));        // water 5 → 45
        assertThat(rate(d).score()).isEqualByComparingTo("45");
        assertThat(rate(d).stars()).isEqualTo(1);
    }

    @Test
    void sixtySeventyAndEightyFiveAreThreeFourAndFiveStars() {
        Map<String, Object> d = base();
        d.put("designWue", new BigDecimal("2.0"));                 // +10
        d.put("liquidCoolingShare", new BigDecimal("0.5"));        // +5
        d.put("catalogueEquipmentShare", new BigDecimal("0.8"));   // +5 → 60
        assertThat(rate(d).score()).isEqualByComparingTo("60");
        assertThat(rate(d).stars()).isEqualTo(3);
        d.put("modular", true);                                    // +3
        d.put("distributedPower", true);                           // +3
        d.put("meteringCategory", 3);                              // +4 → 70
        assertThat(rate(d).stars()).isEqualTo(4);
        d.put("renewableShare", new BigDecimal("0.79"));           // 15 × 0.79 / 0.8 = 14.8125 → 14.81 → 84.81
        assertThat(rate(d).score()).isEqualByComparingTo("84.81");
        assertThat(rate(d).stars()).isEqualTo(4);
        d.put("renewableShare", new BigDecimal("0.8"));            // +15 → 85
        assertThat(rate(d).score()).isEqualByComparingTo("85");
        assertThat(rate(d).stars()).isEqualTo(5);
        assertThat(rate(d).nextStar()).isNull();
    }

    @Test
    void aDesignPueCapHoldsAHighScoreDown() {
        Map<String, Object> d = base();
        d.put("designWue", new BigDecimal("2.0"));
        d.put("liquidCoolingShare", new BigDecimal("0.5"));
        d.put("catalogueEquipmentShare", new BigDecimal("0.8"));
        d.put("modular", true);
        d.put("distributedPower", true);
        d.put("meteringCategory", 3);
        d.put("renewableShare", new BigDecimal("0.8"));
        d.put("designPue", new BigDecimal("1.28"));  // pue 40 × 0.22 / 0.35 = 25.142… → 25.14; score 70.14
        RatingResult result = rate(d);
        assertThat(result.score()).isEqualByComparingTo("70.14");
        assertThat(result.starsByScore()).isEqualTo(4);
        assertThat(result.starsCap()).isEqualTo(3);
        assertThat(result.stars()).isEqualTo(3);
        assertThat(result.nextStar().stars()).isEqualTo(4);
        assertThat(result.nextStar().pointsMissing()).isEqualByComparingTo("0");
        assertThat(result.nextStar().capField()).isEqualTo("designPue");
        assertThat(result.nextStar().capRequires()).isEqualByComparingTo("1.25");
        assertThat(result.nextStar().bestGains().get(0).criterion()).isEqualTo("wasteHeat");
    }

    @Test
    void aFailedPrerequisiteGivesNoStarsAndSaysWhy() {
        Map<String, Object> d = base();
        d.put("designPue", new BigDecimal("1.55"));
        RatingResult result = rate(d);
        assertThat(result.stars()).isZero();
        assertThat(result.prerequisites()).filteredOn(p -> !p.met()).extracting(RatingResult.PrerequisiteResult::id)
                .containsExactly("pueLimit");
        assertThat(result.prerequisites().get(0).evidence()).contains("1.55").contains("<= 1.5");
        d.put("designPue", new BigDecimal("1.15"));
        d.put("meteringCategory", 0);
        assertThat(rate(d).stars()).isZero();
    }

    @Test
    void pointsAreRoundedHalfUpToTwoDecimals() {
        Map<String, Object> d = base();
        d.put("designPue", new BigDecimal("1.25"));  // 40 × 0.25 / 0.35 = 28.5714… → 28.57
        assertThat(points(rate(d), "pue")).isEqualByComparingTo("28.57");
        d.put("renewableShare", new BigDecimal("0.0001"));  // 15 × 0.0001 / 0.8 = 0.001875 → 0.00
        assertThat(points(rate(d), "renewable")).isEqualByComparingTo("0.00");
        d.put("renewableShare", new BigDecimal("0.0003"));  // 0.005625 → 0.01
        assertThat(points(rate(d), "renewable")).isEqualByComparingTo("0.01");
    }
}
