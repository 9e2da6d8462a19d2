package io.dceff.rating;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dceff.rating.RuleFile.CapLimit;
import io.dceff.rating.RuleFile.CriterionRule;
import io.dceff.rating.RuleFile.Prerequisite;
import io.dceff.rating.RuleFile.StarThreshold;
import io.dceff.rating.RuleFile.Step;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads rating schemes from YAML rule files and refuses any that could not be applied as written: the
 * exception names the file, the rule and the problem, so a broken file stops the service at start-up.
 */
public final class RatingSchemeLoader {

    private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Set<String> knownFields;

    /** @param knownFields the declaration fields a rule may refer to */
    public RatingSchemeLoader(Set<String> knownFields) {
        this.knownFields = knownFields;
    }

    public List<RatingScheme> loadDirectory(Path dir) {
        if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
            throw new RatingSchemeException(dir.toString(), "directory", "is not a readable directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new RatingSchemeException(dir.toString(), "directory", "cannot be listed: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new RatingSchemeException(dir.toString(), "directory", "holds no .yaml rule file");
        }
        Map<String, String> seen = new HashMap<>();
        List<RatingScheme> schemes = new ArrayList<>();
        for (Path file : files) {
            RatingScheme scheme = load(file);
            String key = scheme.id() + " " + scheme.version();
            String earlier = seen.putIfAbsent(key, file.getFileName().toString());
            if (earlier != null) {
                throw new RatingSchemeException(
                        file.toString(),
                        "scheme",
                        "scheme " + scheme.id() + " version " + scheme.version() + " is also defined in " + earlier);
            }
            schemes.add(scheme);
        }
        schemes.sort(Comparator.comparing(RatingScheme::id).thenComparing(RatingScheme::version));
        return schemes;
    }

    public RatingScheme load(Path file) {
        String name = file.toString();
        RuleFile rules;
        try {
            rules = YAML.readValue(file.toFile(), RuleFile.class);
        } catch (UnrecognizedPropertyException e) {
            String where = path(e);
            int cut = where.lastIndexOf('.');
            throw new RatingSchemeException(
                    name,
                    cut < 0 ? "top level" : where.substring(0, cut),
                    "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonMappingException e) {
            throw new RatingSchemeException(name, path(e), e.getOriginalMessage());
        } catch (IOException e) {
            throw new RatingSchemeException(name, "file", "cannot be read as YAML: " + e.getMessage());
        }
        if (rules == null) {
            throw new RatingSchemeException(name, "file", "is empty");
        }
        check(name, rules);
        return new RatingScheme(rules, name);
    }

    private void check(String file, RuleFile r) {
        require(file, "scheme", r.scheme() != null && !r.scheme().isBlank(), "scheme id is missing");
        require(file, "version", r.version() != null && !r.version().isBlank(), "version is missing");
        require(file, "maxScore", r.maxScore() != null && r.maxScore().signum() > 0, "maxScore must be positive");
        if (r.rounding() != null && r.rounding().mode() != null) {
            try {
                RoundingMode.valueOf(r.rounding().mode());
            } catch (IllegalArgumentException e) {
                throw new RatingSchemeException(
                        file, "rounding", "unknown mode " + r.rounding().mode());
            }
        }
        for (Prerequisite p : r.prerequisites() == null ? List.<Prerequisite>of() : r.prerequisites()) {
            String rule = "prerequisite " + p.id();
            require(file, "prerequisites", p.id() != null, "a prerequisite has no id");
            field(file, rule, p.field());
            require(
                    file,
                    rule,
                    p.comparison() != null && COMPARISONS.contains(p.comparison()),
                    "comparison must be one of " + COMPARISONS);
            require(file, rule, p.value() != null, "value is missing");
            require(file, rule, p.source() != null, "source is missing");
        }
        require(file, "criteria", r.criteria() != null && !r.criteria().isEmpty(), "no criteria");
        Set<String> ids = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CriterionRule c : r.criteria()) {
            require(file, "criteria", c.id() != null, "a criterion has no id");
            String rule = "criterion " + c.id();
            require(file, rule, ids.add(c.id()), "duplicate criterion id");
            field(file, rule, c.field());
            require(file, rule, c.source() != null, "source is missing");
            require(file, rule, c.maxPoints() != null && c.maxPoints().signum() > 0, "maxPoints must be positive");
            int kinds = (c.linear() != null ? 1 : 0)
                    + (c.steps() != null ? 1 : 0)
                    + (c.whenBoolean() != null ? 1 : 0)
                    + (c.table() != null ? 1 : 0);
            require(
                    file,
                    rule,
                    kinds == 1,
                    "must have exactly one of linear, steps, boolean, table (has " + kinds + ")");
            if (c.linear() != null) {
                checkLinear(file, rule, c);
            } else if (c.steps() != null) {
                checkSteps(file, rule, c);
            } else if (c.whenBoolean() != null) {
                points(file, rule, c.whenBoolean().whenTrue(), c.maxPoints());
            } else {
                require(file, rule, !c.table().isEmpty(), "table is empty");
                c.table().forEach((key, points) -> {
                    try {
                        new BigDecimal(key);
                    } catch (NumberFormatException e) {
                        throw new RatingSchemeException(file, rule, "table key '" + key + "' is not a number");
                    }
                    points(file, rule, points, c.maxPoints());
                });
            }
            total = total.add(c.maxPoints());
        }
        require(
                file,
                "criteria",
                total.compareTo(r.maxScore()) == 0,
                "the criteria's maxPoints add up to " + total.toPlainString() + ", not maxScore "
                        + r.maxScore().toPlainString());
        checkStars(file, r);
    }

    private static void checkLinear(String file, String rule, CriterionRule c) {
        var from = c.linear().from();
        var to = c.linear().to();
        require(
                file,
                rule,
                from != null
                        && to != null
                        && from.value() != null
                        && to.value() != null
                        && from.points() != null
                        && to.points() != null,
                "linear needs from and to, each with value and points");
        require(file, rule, from.value().compareTo(to.value()) != 0, "linear anchors have the same value");
        boolean zeroToMax = from.points().signum() == 0 && to.points().compareTo(c.maxPoints()) == 0;
        boolean maxToZero = to.points().signum() == 0 && from.points().compareTo(c.maxPoints()) == 0;
        require(
                file,
                rule,
                zeroToMax || maxToZero,
                "linear anchor points must be 0 and maxPoints (" + c.maxPoints().toPlainString() + ")");
    }

    private static void checkSteps(String file, String rule, CriterionRule c) {
        require(file, rule, !c.steps().isEmpty(), "steps are empty");
        BigDecimal previous = null;
        Boolean upper = null;
        for (Step step : c.steps()) {
            require(file, rule, (step.atMost() == null) != (step.atLeast() == null), "each step has atMost or atLeast");
            boolean atMost = step.atMost() != null;
            require(file, rule, upper == null || upper == atMost, "steps mix atMost and atLeast");
            upper = atMost;
            BigDecimal bound = atMost ? step.atMost() : step.atLeast();
            if (previous != null) {
                require(
                        file,
                        rule,
                        atMost ? bound.compareTo(previous) > 0 : bound.compareTo(previous) < 0,
                        "step thresholds out of order (" + (atMost ? "atMost must increase" : "atLeast must decrease")
                                + ")");
            }
            previous = bound;
            points(file, rule, step.points(), c.maxPoints());
        }
    }

    private static void checkStars(String file, RuleFile r) {
        require(file, "stars", r.stars() != null && !r.stars().isEmpty(), "no star thresholds");
        BigDecimal previous = null;
        int expected = 1;
        for (StarThreshold s : r.stars()) {
            require(
                    file,
                    "stars",
                    s.stars() != null && s.stars() == expected,
                    "stars must be listed 1, 2, 3… in order (found " + s.stars() + ")");
            require(
                    file,
                    "stars",
                    s.minScore() != null && (previous == null || s.minScore().compareTo(previous) > 0),
                    "star thresholds must increase");
            require(file, "stars", s.minScore().compareTo(r.maxScore()) <= 0, "a star threshold is above maxScore");
            previous = s.minScore();
            expected++;
        }
        if (r.caps() != null) {
            require(
                    file,
                    "caps",
                    r.caps().field() != null
                            && r.caps().limits() != null
                            && !r.caps().limits().isEmpty(),
                    "caps need a field and limits");
            for (CapLimit limit : r.caps().limits()) {
                require(
                        file,
                        "caps",
                        limit.stars() != null
                                && limit.stars() >= 1
                                && limit.stars() <= r.stars().size(),
                        "a cap names a star outside 1.." + r.stars().size());
                require(
                        file,
                        "caps",
                        (limit.maxValue() == null) != (limit.minValue() == null),
                        "each cap limit has maxValue or minValue");
            }
        }
    }

    private void field(String file, String rule, String field) {
        require(file, rule, field != null, "field is missing");
        require(
                file,
                rule,
                knownFields.contains(field),
                "unknown declaration field '" + field + "' (known: "
                        + knownFields.stream().sorted().collect(Collectors.joining(", ")) + ")");
    }

    private static void points(String file, String rule, BigDecimal points, BigDecimal max) {
        require(
                file,
                rule,
                points != null && points.signum() >= 0 && points.compareTo(max) <= 0,
                "points must be between 0 and maxPoints (" + max.toPlainString() + ")");
    }

    private static void require(String file, String rule, boolean condition, String problem) {
        if (!condition) {
            throw new RatingSchemeException(file, rule, problem);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "file" : path.toString();
    }
}
