package io.dceff.rating;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The YAML of a rating scheme as written (ratings/README.md documents each key); checked by {@link RatingSchemeLoader}. */
public record RuleFile(String scheme, String version, String title, BigDecimal maxScore, Rounding rounding,
        List<Prerequisite> prerequisites, List<CriterionRule> criteria, List<StarThreshold> stars, Caps caps) {

    public record Rounding(Integer decimals, String mode) {
    }

    public record Prerequisite(String id, String field, String comparison, BigDecimal value, String source,
            String description) {
    }

    public record CriterionRule(String id, String field, BigDecimal maxPoints, String source, String description,
            Linear linear, List<Step> steps, @JsonProperty("boolean") BooleanRule whenBoolean, Map<String, BigDecimal> table) {
    }

    public record Linear(Anchor from, Anchor to) {
    }

    public record Anchor(BigDecimal value, BigDecimal points) {
    }

    /** First matching step wins: {@code atMost} (value ≤) or {@code atLeast} (value ≥). */
    public record Step(BigDecimal atMost, BigDecimal atLeast, BigDecimal points) {
    }

    public record BooleanRule(BigDecimal whenTrue) {
    }

    public record StarThreshold(Integer stars, BigDecimal minScore) {
    }

    /** Stars allowed only while {@code field} stays within the limit of each star. */
    public record Caps(String field, List<CapLimit> limits) {
    }

    public record CapLimit(Integer stars, BigDecimal maxValue, BigDecimal minValue) {
    }
}
