package io.dceff.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.rating.RatingResult.CriterionResult;
import io.dceff.rating.RatingResult.NextStar;
import io.dceff.rating.RatingResult.PrerequisiteResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingEvaluatorTest {

    private static final RatingScheme SCHEME =
            new RatingSchemeLoader(DesignDeclaration.FIELDS).load(Path.of("ratings/green-design-v1.yaml"));
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
        return criterion(result, id).points();
    }

    private static CriterionResult criterion(RatingResult result, String id) {
        return result.criteria().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static PrerequisiteResult prerequisite(RatingResult result, String id) {
        return result.prerequisites().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Every criterion of green-design-v1 at full marks except pue: 60 points besides it. */
    private static Map<String, Object> fullMarksBesidesPue(String designPue) {
        Map<String, Object> d = new HashMap<>();
        d.put("designPue", new BigDecimal(designPue));
        d.put("renewableShare", new BigDecimal("0.8"));
        d.put("wasteHeatReuseFactor", new BigDecimal("0.2"));
        d.put("designWue", new BigDecimal("2.0"));
        d.put("liquidCoolingShare", new BigDecimal("0.5"));
        d.put("catalogueEquipmentShare", new BigDecimal("0.8"));
        d.put("modular", true);
        d.put("distributedPower", true);
        d.put("meteringCategory", 3);
        return d;
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
        d.put("designWue", new BigDecimal("2.0")); // water 10 → 50
        assertThat(rate(d).stars()).isEqualTo(2);
        d.put("designWue", new BigDecimal("2.1")); // water 5 → 45
        assertThat(rate(d).score()).isEqualByComparingTo("45");
        assertThat(rate(d).stars()).isEqualTo(1);
    }

    @Test
    void sixtySeventyAndEightyFiveAreThreeFourAndFiveStars() {
        Map<String, Object> d = base();
        d.put("designWue", new BigDecimal("2.0")); // +10
        d.put("liquidCoolingShare", new BigDecimal("0.5")); // +5
        d.put("catalogueEquipmentShare", new BigDecimal("0.8")); // +5 → 60
        assertThat(rate(d).score()).isEqualByComparingTo("60");
        assertThat(rate(d).stars()).isEqualTo(3);
        d.put("modular", true); // +3
        d.put("distributedPower", true); // +3
        d.put("meteringCategory", 3); // +4 → 70
        assertThat(rate(d).stars()).isEqualTo(4);
        d.put("renewableShare", new BigDecimal("0.79")); // 15 × 0.79 / 0.8 = 14.8125 → 14.81 → 84.81
        assertThat(rate(d).score()).isEqualByComparingTo("84.81");
        assertThat(rate(d).stars()).isEqualTo(4);
        d.put("renewableShare", new BigDecimal("0.8")); // +15 → 85
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
        d.put("designPue", new BigDecimal("1.28")); // pue 40 × 0.22 / 0.35 = 25.142… → 25.14; score 70.14
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
        assertThat(result.prerequisites())
                .filteredOn(p -> !p.met())
                .extracting(RatingResult.PrerequisiteResult::id)
                .containsExactly("pueLimit");
        assertThat(result.prerequisites().get(0).evidence()).contains("1.55").contains("<= 1.5");
        d.put("designPue", new BigDecimal("1.15"));
        d.put("meteringCategory", 0);
        assertThat(rate(d).stars()).isZero();
    }

    @Test
    void pointsAreRoundedHalfUpToTwoDecimals() {
        Map<String, Object> d = base();
        d.put("designPue", new BigDecimal("1.25")); // 40 × 0.25 / 0.35 = 28.5714… → 28.57
        assertThat(points(rate(d), "pue")).isEqualByComparingTo("28.57");
        d.put("renewableShare", new BigDecimal("0.0001")); // 15 × 0.0001 / 0.8 = 0.001875 → 0.00
        assertThat(points(rate(d), "renewable")).isEqualByComparingTo("0.00");
        d.put("renewableShare", new BigDecimal("0.0003")); // 0.005625 → 0.01
        assertThat(points(rate(d), "renewable")).isEqualByComparingTo("0.01");
    }

    @Test
    void aDesignPueOfExactly1_50MeetsTheLimitAndScoresNoPuePoints() {
        Map<String, Object> d = base();
        d.put("designPue", new BigDecimal("1.50"));
        RatingResult result = rate(d);
        assertThat(prerequisite(result, "pueLimit").met()).isTrue();
        assertThat(prerequisite(result, "pueLimit").evidence()).isEqualTo("designPue 1.5 meets <= 1.5");
        assertThat(points(result, "pue")).isEqualByComparingTo("0");
        // every prerequisite met but no star by score: the next star is the first, 40 points away
        assertThat(result.stars()).isZero();
        assertThat(result.nextStar().stars()).isEqualTo(1);
        assertThat(result.nextStar().pointsMissing()).isEqualByComparingTo("40");
        d.put("designPue", new BigDecimal("1.5001"));
        assertThat(prerequisite(rate(d), "pueLimit").met()).isFalse();
        assertThat(prerequisite(rate(d), "pueLimit").evidence()).isEqualTo("designPue 1.5001 fails <= 1.5");
        assertThat(rate(d).nextStar())
                .as("no next star while a prerequisite fails")
                .isNull();
    }

    @Test
    void anUndeclaredFieldFailsItsPrerequisiteAndScoresNothing() {
        Map<String, Object> d = base();
        d.remove("meteringCategory");
        RatingResult result = rate(d);
        assertThat(prerequisite(result, "metering").met()).isFalse();
        assertThat(prerequisite(result, "metering").evidence()).isEqualTo("meteringCategory not declared");
        assertThat(result.stars()).isZero();
        assertThat(result.score()).isEqualByComparingTo("40");
        CriterionResult renewable = criterion(result, "renewable");
        assertThat(renewable.points()).isEqualByComparingTo("0");
        assertThat(renewable.met()).isFalse();
        assertThat(renewable.evidence()).isEqualTo("renewableShare not declared");
    }

    @Test
    void aCriterionIsMetOnlyWithPointsAboveZero() {
        RatingResult result = rate(base());
        assertThat(criterion(result, "pue").met()).isTrue();
        assertThat(criterion(result, "water").points()).isEqualByComparingTo("0");
        assertThat(criterion(result, "water").met()).isFalse();
        assertThat(criterion(result, "water").evidence()).isEqualTo("designWue 3: no step reached → 0");
        assertThat(criterion(result, "water").maxPoints()).isEqualByComparingTo("10");
        assertThat(criterion(result, "water").source()).isEqualTo("Green Mark for Data Centres 2024 (WUE)");
    }

    @Test
    void linearPointsAreClampedOutsideTheirAnchors() {
        Map<String, Object> d = base();
        d.put("designPue", new BigDecimal("1.0")); // better than 1.15: still 40, not 57.14
        d.put("renewableShare", new BigDecimal("1")); // more than 0.80: still 15, not 18.75
        d.put("wasteHeatReuseFactor", new BigDecimal("0"));
        RatingResult result = rate(d);
        assertThat(points(result, "pue")).isEqualByComparingTo("40");
        assertThat(points(result, "renewable")).isEqualByComparingTo("15");
        assertThat(points(result, "wasteHeat")).isEqualByComparingTo("0");
        assertThat(criterion(result, "pue").evidence()).isEqualTo("designPue 1: linear 0 at 1.5 … 40 at 1.15 → 40");
        d.put("designPue", new BigDecimal("1.15"));
        d.put("renewableShare", new BigDecimal("0.8"));
        assertThat(points(rate(d), "pue")).isEqualByComparingTo("40");
        assertThat(points(rate(d), "renewable")).isEqualByComparingTo("15");
        d.put("renewableShare", new BigDecimal("0.4"));
        assertThat(points(rate(d), "renewable")).isEqualByComparingTo("7.5");
    }

    @Test
    void waterStepsAtTheirBoundaries() {
        Map<String, Object> d = base();
        d.put("designWue", new BigDecimal("2.0"));
        assertThat(points(rate(d), "water")).isEqualByComparingTo("10");
        assertThat(criterion(rate(d), "water").evidence()).isEqualTo("designWue 2 ≤ 2 → 10");
        d.put("designWue", new BigDecimal("2.0001"));
        assertThat(points(rate(d), "water")).isEqualByComparingTo("5");
        d.put("designWue", new BigDecimal("2.2"));
        assertThat(points(rate(d), "water")).isEqualByComparingTo("5");
        d.put("designWue", new BigDecimal("2.2001"));
        assertThat(points(rate(d), "water")).isEqualByComparingTo("0");
    }

    @Test
    void yesNoCriteriaAndTheMeteringTable() {
        Map<String, Object> d = base();
        d.put("modular", true);
        d.put("distributedPower", false);
        d.put("meteringCategory", 2);
        RatingResult result = rate(d);
        assertThat(points(result, "modular")).isEqualByComparingTo("3");
        assertThat(criterion(result, "modular").evidence()).isEqualTo("modular true → 3");
        assertThat(points(result, "distributedPower")).isEqualByComparingTo("0");
        assertThat(criterion(result, "distributedPower").evidence()).isEqualTo("distributedPower false → 0");
        assertThat(points(result, "metering")).isEqualByComparingTo("2");
        // a yes/no given as text counts the same
        d.put("distributedPower", "true");
        assertThat(points(rate(d), "distributedPower")).isEqualByComparingTo("3");
        d.put("distributedPower", "no");
        assertThat(points(rate(d), "distributedPower")).isEqualByComparingTo("0");
    }

    @Test
    void aDesignPueOfExactly1_20AllowsFiveStarsAHairAboveFour() {
        // pue 40 × 0.30 / 0.35 = 34.2857… → 34.29; score 94.29
        RatingResult atCap = rate(fullMarksBesidesPue("1.20"));
        assertThat(atCap.starsCap()).isEqualTo(5);
        assertThat(atCap.stars()).isEqualTo(5);
        assertThat(atCap.nextStar()).isNull();
        // pue 40 × 0.2999 / 0.35 = 34.2742… → 34.27; score 94.27, but the cap of 1.20 binds
        RatingResult above = rate(fullMarksBesidesPue("1.2001"));
        assertThat(above.starsByScore()).isEqualTo(5);
        assertThat(above.starsCap()).isEqualTo(4);
        assertThat(above.stars()).isEqualTo(4);
        NextStar next = above.nextStar();
        assertThat(next.stars()).isEqualTo(5);
        assertThat(next.pointsMissing()).isEqualByComparingTo("0");
        assertThat(next.capField()).isEqualTo("designPue");
        assertThat(next.capRequires()).isEqualByComparingTo("1.20");
        // only the criterion with points left is worth naming
        assertThat(next.bestGains()).containsExactly(new NextStar.Gain("pue", new BigDecimal("5.73")));
        // the lowest star's cap: exactly 1.50 allows one star
        assertThat(rate(fullMarksBesidesPue("1.50")).starsCap()).isEqualTo(1);
        assertThat(rate(fullMarksBesidesPue("1.40")).starsCap()).isEqualTo(2);
        assertThat(rate(fullMarksBesidesPue("1.4001")).starsCap()).isEqualTo(1);
    }

    @Test
    void theNextStarNamesThePointsMissingAndTheThreeLargestGains() {
        RatingResult result = rate(base()); // 40 points, one star
        NextStar next = result.nextStar();
        assertThat(next.stars()).isEqualTo(2);
        assertThat(next.pointsMissing()).isEqualByComparingTo("10");
        assertThat(next.capField()).as("1.15 is within the two-star cap").isNull();
        assertThat(next.capRequires()).isNull();
        // 15, 15 (by name), then 10; never pue, which has all its points
        assertThat(next.bestGains())
                .extracting(NextStar.Gain::criterion)
                .containsExactly("renewable", "wasteHeat", "water");
        assertThat(next.bestGains())
                .extracting(NextStar.Gain::pointsLeft)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("15"), new BigDecimal("15"), new BigDecimal("10"));
    }

    @Test
    void theResultNamesTheSchemeAndVersion() {
        RatingResult result = rate(base());
        assertThat(result.scheme()).isEqualTo("green-design-v1");
        assertThat(result.version()).isEqualTo("1.0");
        assertThat(result.criteria()).hasSize(9);
        assertThat(result.prerequisites()).hasSize(2);
    }

    /** The rule kinds green-design-v1 does not use, in a scheme of their own. */
    private static final String OTHER_KINDS = """
            scheme: other-kinds
            version: "1"
            maxScore: 20
            prerequisites:
              - { id: belowTwo, field: designPue, comparison: "<", value: 2.0, source: test }
              - { id: metered, field: meteringCategory, comparison: ">", value: 0, source: test }
              - { id: modularOnly, field: modular, comparison: "==", value: 1, source: test }
            criteria:
              - id: renewable
                field: renewableShare
                maxPoints: 10
                source: test
                steps:
                  - { atLeast: 0.5, points: 10 }
                  - { atLeast: 0.2, points: 4 }
              - id: liquid
                field: liquidCoolingShare
                maxPoints: 10
                source: test
                linear:
                  from: { value: 0, points: 0 }
                  to: { value: 0.5, points: 10 }
            stars:
              - { stars: 1, minScore: 4 }
              - { stars: 2, minScore: 10 }
            caps:
              field: catalogueEquipmentShare
              limits:
                - { stars: 2, minValue: 0.5 }
                - { stars: 1, minValue: 0.1 }
            """;

    private static final String NO_CAPS = """
            scheme: no-caps
            version: "1"
            maxScore: 10
            criteria:
              - id: renewable
                field: renewableShare
                maxPoints: 10
                source: test
                linear:
                  from: { value: 0, points: 0 }
                  to: { value: 0.5, points: 10 }
            stars:
              - { stars: 1, minScore: 5 }
            """;

    private static RatingScheme scheme(Path dir, String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("scheme.yaml"), yaml);
        return new RatingSchemeLoader(DesignDeclaration.FIELDS).load(file);
    }

    private static Map<String, Object> otherKinds() {
        Map<String, Object> d = new HashMap<>();
        d.put("designPue", new BigDecimal("1.99"));
        d.put("meteringCategory", 1);
        d.put("modular", true);
        d.put("catalogueEquipmentShare", new BigDecimal("0.5"));
        return d;
    }

    @Test
    void atLeastStepsTakeTheFirstStepReached(@TempDir Path dir) throws IOException {
        RatingScheme scheme = scheme(dir, OTHER_KINDS);
        Map<String, Object> d = otherKinds();
        d.put("renewableShare", new BigDecimal("0.5"));
        RatingResult top = evaluator.evaluate(scheme, d);
        assertThat(points(top, "renewable")).isEqualByComparingTo("10");
        assertThat(criterion(top, "renewable").evidence()).isEqualTo("renewableShare 0.5 ≥ 0.5 → 10");
        d.put("renewableShare", new BigDecimal("0.4999"));
        assertThat(points(evaluator.evaluate(scheme, d), "renewable")).isEqualByComparingTo("4");
        d.put("renewableShare", new BigDecimal("0.2"));
        assertThat(points(evaluator.evaluate(scheme, d), "renewable")).isEqualByComparingTo("4");
        d.put("renewableShare", new BigDecimal("0.1999"));
        assertThat(points(evaluator.evaluate(scheme, d), "renewable")).isEqualByComparingTo("0");
    }

    @Test
    void strictAndEqualityPrerequisitesAtTheirBoundaries(@TempDir Path dir) throws IOException {
        RatingScheme scheme = scheme(dir, OTHER_KINDS);
        Map<String, Object> d = otherKinds();
        assertThat(evaluator.evaluate(scheme, d).prerequisites()).allMatch(PrerequisiteResult::met);
        d.put("designPue", new BigDecimal("2.0"));
        assertThat(prerequisite(evaluator.evaluate(scheme, d), "belowTwo").met())
                .as("2.0 < 2.0")
                .isFalse();
        d.put("designPue", new BigDecimal("1.99"));
        d.put("meteringCategory", 0);
        assertThat(prerequisite(evaluator.evaluate(scheme, d), "metered").met())
                .as("0 > 0")
                .isFalse();
        d.put("meteringCategory", 1);
        // a yes/no compared as a number: true is 1, false is 0
        d.put("modular", false);
        RatingResult notModular = evaluator.evaluate(scheme, d);
        assertThat(prerequisite(notModular, "modularOnly").met()).isFalse();
        assertThat(prerequisite(notModular, "modularOnly").evidence()).isEqualTo("modular 0 fails == 1");
        assertThat(notModular.stars()).isZero();
    }

    @Test
    void aMinimumCapAllowsItsStarFromItsValueOn(@TempDir Path dir) throws IOException {
        RatingScheme scheme = scheme(dir, OTHER_KINDS);
        Map<String, Object> d = otherKinds();
        d.put("renewableShare", new BigDecimal("0.5")); // 10 points: two stars by score
        assertThat(evaluator.evaluate(scheme, d).starsCap()).isEqualTo(2);
        assertThat(evaluator.evaluate(scheme, d).stars()).isEqualTo(2);
        d.put("catalogueEquipmentShare", new BigDecimal("0.4999"));
        RatingResult capped = evaluator.evaluate(scheme, d);
        assertThat(capped.starsCap()).isEqualTo(1);
        assertThat(capped.stars()).isEqualTo(1);
        assertThat(capped.nextStar().capField()).isEqualTo("catalogueEquipmentShare");
        assertThat(capped.nextStar().capRequires()).isEqualByComparingTo("0.5");
        d.put("catalogueEquipmentShare", new BigDecimal("0.1"));
        assertThat(evaluator.evaluate(scheme, d).starsCap()).isEqualTo(1);
        d.put("catalogueEquipmentShare", new BigDecimal("0.0999"));
        assertThat(evaluator.evaluate(scheme, d).starsCap()).isZero();
        assertThat(evaluator.evaluate(scheme, d).stars()).isZero();
    }

    @Test
    void anUndeclaredCapFieldAllowsNoStarAndTheNextStarSaysWhatItNeeds(@TempDir Path dir) throws IOException {
        RatingScheme scheme = scheme(dir, OTHER_KINDS);
        Map<String, Object> d = otherKinds();
        d.remove("catalogueEquipmentShare");
        d.put("renewableShare", new BigDecimal("0.5"));
        RatingResult result = evaluator.evaluate(scheme, d);
        assertThat(result.starsByScore()).isEqualTo(2);
        assertThat(result.starsCap()).isZero();
        assertThat(result.stars()).isZero();
        assertThat(result.nextStar().stars()).isEqualTo(1);
        assertThat(result.nextStar().capField()).isEqualTo("catalogueEquipmentShare");
        assertThat(result.nextStar().capRequires()).isEqualByComparingTo("0.1");
    }

    @Test
    void aSchemeWithoutCapsRatesByScoreAlone(@TempDir Path dir) throws IOException {
        RatingScheme scheme = scheme(dir, NO_CAPS);
        RatingResult result = evaluator.evaluate(scheme, Map.of("renewableShare", new BigDecimal("0.25")));
        assertThat(result.score()).isEqualByComparingTo("5");
        assertThat(result.starsCap()).isNull();
        assertThat(result.stars()).isEqualTo(1);
        assertThat(result.nextStar()).as("one star is all this scheme has").isNull();
        assertThat(result.prerequisites()).isEmpty();
    }
}
