package io.dceff.rating;

import java.math.BigDecimal;
import java.util.List;

/** A rating with its explanation: every criterion's points and evidence, every prerequisite, what the next star needs. */
public record RatingResult(String scheme, String version, int stars, BigDecimal score, int starsByScore, Integer starsCap,
        List<CriterionResult> criteria, List<PrerequisiteResult> prerequisites, NextStar nextStar) {

    public record CriterionResult(String id, BigDecimal points, BigDecimal maxPoints, boolean met, String evidence,
            String source) {
    }

    public record PrerequisiteResult(String id, boolean met, String evidence, String source) {
    }

    /** The next star: points missing by score, the cap if it binds, and the criteria with most points left. */
    public record NextStar(int stars, BigDecimal pointsMissing, String capField, BigDecimal capRequires,
            List<Gain> bestGains) {

        public record Gain(String criterion, BigDecimal pointsLeft) {
        }
    }
}
