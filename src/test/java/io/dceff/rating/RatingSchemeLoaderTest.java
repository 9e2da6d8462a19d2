package io.dceff.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingSchemeLoaderTest {

    private final RatingSchemeLoader loader = new RatingSchemeLoader(DesignDeclaration.FIELDS);
    private static final Path BROKEN = Path.of("src/test/resources/ratings-test/broken");

    @Test
    void theShippedSchemeLoadsAsTheDesignSpecifiesIt() {
        RatingScheme scheme = loader.load(Path.of("ratings/green-design-v1.yaml"));
        assertThat(scheme.id()).isEqualTo("green-design-v1");
        assertThat(scheme.criteria())
                .extracting(RuleFile.CriterionRule::id)
                .containsExactly(
                        "pue",
                        "renewable",
                        "wasteHeat",
                        "water",
                        "liquidCooling",
                        "catalogue",
                        "modular",
                        "distributedPower",
                        "metering");
        assertThat(scheme.criteria()).allSatisfy(c -> assertThat(c.source()).isNotBlank());
        assertThat(scheme.stars())
                .extracting(RuleFile.StarThreshold::minScore)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(
                        new BigDecimal("40"),
                        new BigDecimal("50"),
                        new BigDecimal("60"),
                        new BigDecimal("70"),
                        new BigDecimal("85"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown-field.yaml|criteria[0]|unknown field 'weight'",
                "anchor-order.yaml|criterion pue|same value",
                "points-sum.yaml|criteria|add up to 101",
                "duplicate-id.yaml|criterion modular|duplicate criterion id",
                "step-order.yaml|criterion water|out of order",
                "unknown-declaration-field.yaml|criterion water|unknown declaration field 'designWater'"
            })
    void aBrokenFileIsRefusedNamingFileRuleAndProblem(String file, String rule, String problem) {
        RatingSchemeException e =
                catchThrowableOfType(RatingSchemeException.class, () -> loader.load(BROKEN.resolve(file)));
        assertThat(e).isNotNull();
        assertThat(e.file()).endsWith(file);
        assertThat(e.rule()).isEqualTo(rule);
        assertThat(e.problem()).contains(problem);
        assertThat(e.getMessage()).contains(file).contains(rule).contains(problem);
    }

    @Test
    void aDirectoryWithABrokenFileDoesNotLoad() {
        assertThatThrownBy(() -> loader.loadDirectory(BROKEN)).isInstanceOf(RatingSchemeException.class);
        assertThatThrownBy(() -> loader.loadDirectory(Path.of("no-such-dir")))
                .hasMessageContaining("not a readable directory");
    }

    @Test
    void aSecondSchemeLoadsBesideTheFirst() {
        List<RatingScheme> schemes = loader.loadDirectory(Path.of("src/test/resources/ratings-test/second"));
        assertThat(schemes).extracting(RatingScheme::id).containsExactly("edge-site-v1", "green-design-v1");
        RatingResult result = new RatingEvaluator()
                .evaluate(schemes.get(0), Map.of("designPue", new BigDecimal("1.25"), "meteringCategory", 3));
        assertThat(result.score()).isEqualByComparingTo("10");
        assertThat(result.stars()).isEqualTo(2);
    }
}
