package io.dceff.rating;

import io.dceff.rating.RatingResult.CriterionResult;
import io.dceff.rating.RatingResult.NextStar;
import io.dceff.rating.RatingResult.PrerequisiteResult;
import io.dceff.rating.RuleFile.CapLimit;
import io.dceff.rating.RuleFile.CriterionRule;
import io.dceff.rating.RuleFile.Prerequisite;
import io.dceff.rating.RuleFile.StarThreshold;
import io.dceff.rating.RuleFile.Step;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Applies a rating scheme to a declaration; plain values in, an explained result out. */
public final class RatingEvaluator {

    public RatingResult evaluate(RatingScheme scheme, Map<String, Object> declaration) {
        List<PrerequisiteResult> prerequisites = new ArrayList<>();
        boolean allMet = true;
        for (Prerequisite p : scheme.prerequisites()) {
            BigDecimal value = number(declaration.get(p.field()));
            boolean met = value != null && compare(value, p.comparison(), p.value());
            allMet &= met;
            prerequisites.add(new PrerequisiteResult(
                    p.id(),
                    met,
                    value == null
                            ? p.field() + " not declared"
                            : p.field() + " " + plain(value) + (met ? " meets " : " fails ") + p.comparison() + " "
                                    + plain(p.value()),
                    p.source()));
        }
        List<CriterionResult> criteria = new ArrayList<>();
        BigDecimal score = BigDecimal.ZERO;
        for (CriterionRule c : scheme.criteria()) {
            CriterionResult result = criterion(scheme, c, declaration.get(c.field()));
            criteria.add(result);
            score = score.add(result.points());
        }
        int byScore = 0;
        for (StarThreshold s : scheme.stars()) {
            if (score.compareTo(s.minScore()) >= 0) {
                byScore = s.stars();
            }
        }
        Integer cap = cap(scheme, declaration);
        int stars = allMet ? Math.min(byScore, cap == null ? byScore : cap) : 0;
        return new RatingResult(
                scheme.id(),
                scheme.version(),
                stars,
                score,
                byScore,
                cap,
                criteria,
                prerequisites,
                allMet ? next(scheme, declaration, stars, score, criteria) : null);
    }

    private static CriterionResult criterion(RatingScheme scheme, CriterionRule c, Object raw) {
        BigDecimal points;
        String evidence;
        if (raw == null) {
            points = BigDecimal.ZERO;
            evidence = c.field() + " not declared";
        } else if (c.whenBoolean() != null) {
            boolean value = raw instanceof Boolean b ? b : Boolean.parseBoolean(raw.toString());
            points = value ? c.whenBoolean().whenTrue() : BigDecimal.ZERO;
            evidence = c.field() + " " + value + " → " + plain(points);
        } else {
            BigDecimal value = number(raw);
            if (c.linear() != null) {
                points = linear(c, value);
                evidence = c.field() + " " + plain(value) + ": linear "
                        + plain(c.linear().from().points()) + " at "
                        + plain(c.linear().from().value()) + " … "
                        + plain(c.linear().to().points()) + " at "
                        + plain(c.linear().to().value());
            } else if (c.steps() != null) {
                points = BigDecimal.ZERO;
                evidence = c.field() + " " + plain(value) + ": no step reached";
                for (Step step : c.steps()) {
                    boolean hit = step.atMost() != null
                            ? value.compareTo(step.atMost()) <= 0
                            : value.compareTo(step.atLeast()) >= 0;
                    if (hit) {
                        points = step.points();
                        evidence = c.field() + " " + plain(value)
                                + (step.atMost() != null
                                        ? " ≤ " + plain(step.atMost())
                                        : " ≥ " + plain(step.atLeast()));
                        break;
                    }
                }
            } else {
                points = BigDecimal.ZERO;
                for (Map.Entry<String, BigDecimal> entry : c.table().entrySet()) {
                    if (new BigDecimal(entry.getKey()).compareTo(value) == 0) {
                        points = entry.getValue();
                    }
                }
                evidence = c.field() + " " + plain(value) + " in table " + c.table();
            }
            points = points.setScale(scheme.decimals(), scheme.roundingMode());
            evidence = evidence + " → " + plain(points);
        }
        points = points.setScale(scheme.decimals(), scheme.roundingMode());
        return new CriterionResult(c.id(), points, c.maxPoints(), points.signum() > 0, evidence, c.source());
    }

    /** Interpolated between the anchors and clamped outside them. */
    private static BigDecimal linear(CriterionRule c, BigDecimal value) {
        var from = c.linear().from();
        var to = c.linear().to();
        BigDecimal t = value.subtract(from.value()).divide(to.value().subtract(from.value()), MathContext.DECIMAL128);
        if (t.signum() < 0) {
            t = BigDecimal.ZERO;
        } else if (t.compareTo(BigDecimal.ONE) > 0) {
            t = BigDecimal.ONE;
        }
        return from.points().add(to.points().subtract(from.points()).multiply(t));
    }

    /** The most stars the cap field allows, or null when the scheme has no caps. */
    private static Integer cap(RatingScheme scheme, Map<String, Object> declaration) {
        if (scheme.caps() == null) {
            return null;
        }
        BigDecimal value = number(declaration.get(scheme.caps().field()));
        int allowed = 0;
        for (CapLimit limit : scheme.caps().limits()) {
            if (value != null && within(value, limit)) {
                allowed = Math.max(allowed, limit.stars());
            }
        }
        return allowed;
    }

    private static boolean within(BigDecimal value, CapLimit limit) {
        return limit.maxValue() != null
                ? value.compareTo(limit.maxValue()) <= 0
                : value.compareTo(limit.minValue()) >= 0;
    }

    private static NextStar next(
            RatingScheme scheme,
            Map<String, Object> declaration,
            int stars,
            BigDecimal score,
            List<CriterionResult> criteria) {
        if (stars >= scheme.stars().size()) {
            return null;
        }
        int target = stars + 1;
        BigDecimal needed = scheme.stars().get(target - 1).minScore();
        BigDecimal missing = needed.subtract(score).max(BigDecimal.ZERO);
        String capField = null;
        BigDecimal capRequires = null;
        if (scheme.caps() != null) {
            BigDecimal value = number(declaration.get(scheme.caps().field()));
            for (CapLimit limit : scheme.caps().limits()) {
                if (limit.stars() == target && (value == null || !within(value, limit))) {
                    capField = scheme.caps().field();
                    capRequires = limit.maxValue() != null ? limit.maxValue() : limit.minValue();
                }
            }
        }
        List<NextStar.Gain> gains = criteria.stream()
                .filter(c -> c.maxPoints().compareTo(c.points()) > 0)
                .map(c -> new NextStar.Gain(c.id(), c.maxPoints().subtract(c.points())))
                .sorted(Comparator.comparing(NextStar.Gain::pointsLeft)
                        .reversed()
                        .thenComparing(NextStar.Gain::criterion))
                .limit(3)
                .toList();
        return new NextStar(target, missing, capField, capRequires, gains);
    }

    private static boolean compare(BigDecimal value, String comparison, BigDecimal threshold) {
        int c = value.compareTo(threshold);
        return switch (comparison) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> c == 0;
        };
    }

    private static BigDecimal number(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return new BigDecimal(raw.toString());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
