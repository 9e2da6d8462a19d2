package io.dceff.rating;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The YAML of a rating scheme as written (ratings/README.md documents each key); checked by {@link RatingSchemeLoader}. */
public record RuleFile(
        String scheme,
        String version,
        String title,
        BigDecimal maxScore,
        @Schema(nullable = true) Rounding rounding,
        List<Prerequisite> prerequisites,
        List<CriterionRule> criteria,
        List<StarThreshold> stars,
        @Schema(nullable = true) Caps caps) {

    public record Rounding(
            @Schema(nullable = true) Integer decimals,
            @Schema(nullable = true) String mode) {}

    public record Prerequisite(
            String id,
            String field,
            String comparison,
            BigDecimal value,
            @Schema(nullable = true) String source,
            @Schema(nullable = true) String description) {}

    public record CriterionRule(
            String id,
            String field,
            BigDecimal maxPoints,
            @Schema(nullable = true) String source,
            @Schema(nullable = true) String description,
            @Schema(nullable = true) Linear linear,
            @Schema(nullable = true) List<Step> steps,

            @Schema(nullable = true) @JsonProperty("boolean")
            BooleanRule whenBoolean,

            @Schema(nullable = true) Map<String, BigDecimal> table) {}

    public record Linear(Anchor from, Anchor to) {}

    public record Anchor(BigDecimal value, BigDecimal points) {}

    /** First matching step wins: {@code atMost} (value ≤) or {@code atLeast} (value ≥). */
    public record Step(
            @Schema(nullable = true) BigDecimal atMost,
            @Schema(nullable = true) BigDecimal atLeast,
            BigDecimal points) {}

    public record BooleanRule(BigDecimal whenTrue) {}

    public record StarThreshold(Integer stars, BigDecimal minScore) {}

    /** Stars allowed only while {@code field} stays within the limit of each star. */
    public record Caps(String field, List<CapLimit> limits) {}

    public record CapLimit(
            Integer stars,
            @Schema(nullable = true) BigDecimal maxValue,
            @Schema(nullable = true) BigDecimal minValue) {}
}
