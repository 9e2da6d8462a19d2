package io.dceff.rating;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rating with its explanation: every criterion's points and evidence, every prerequisite, what the next star needs. */
public record RatingResult(
        String scheme,
        String version,
        int stars,
        BigDecimal score,
        int starsByScore,

        @Schema(nullable = true, description = "the most stars the design PUE allows; absent when none binds")
        Integer starsCap,

        List<CriterionResult> criteria,
        List<PrerequisiteResult> prerequisites,

        @Schema(nullable = true, description = "absent at five stars or when a prerequisite fails")
        NextStar nextStar) {

    public record CriterionResult(
            String id,
            BigDecimal points,
            BigDecimal maxPoints,
            boolean met,
            String evidence,
            @Schema(nullable = true) String source) {}

    public record PrerequisiteResult(
            String id,
            boolean met,
            String evidence,
            @Schema(nullable = true) String source) {}

    /** The next star: points missing by score, the cap if it binds, and the criteria with most points left. */
    public record NextStar(
            int stars,
            BigDecimal pointsMissing,
            @Schema(nullable = true) String capField,
            @Schema(nullable = true) BigDecimal capRequires,
            List<Gain> bestGains) {

        public record Gain(String criterion, BigDecimal pointsLeft) {}
    }
}
