package io.dceff.rating;

import io.dceff.rating.RuleFile.CriterionRule;
import io.dceff.rating.RuleFile.Prerequisite;
import io.dceff.rating.RuleFile.StarThreshold;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** A validated rating scheme, loaded from one rule file. */
public final class RatingScheme {

    private final RuleFile rules;
    private final String file;

    RatingScheme(RuleFile rules, String file) {
        this.rules = rules;
        this.file = file;
    }

    public String id() {
        return rules.scheme();
    }

    public String version() {
        return rules.version();
    }

    public String title() {
        return rules.title();
    }

    public BigDecimal maxScore() {
        return rules.maxScore();
    }

    public String file() {
        return file;
    }

    public List<Prerequisite> prerequisites() {
        return rules.prerequisites() == null ? List.of() : rules.prerequisites();
    }

    public List<CriterionRule> criteria() {
        return rules.criteria();
    }

    public List<StarThreshold> stars() {
        return rules.stars();
    }

    public RuleFile.Caps caps() {
        return rules.caps();
    }

    int decimals() {
        return rules.rounding() == null || rules.rounding().decimals() == null
                ? 2
                : rules.rounding().decimals();
    }

    RoundingMode roundingMode() {
        return rules.rounding() == null || rules.rounding().mode() == null
                ? RoundingMode.HALF_UP
                : RoundingMode.valueOf(rules.rounding().mode());
    }
}
