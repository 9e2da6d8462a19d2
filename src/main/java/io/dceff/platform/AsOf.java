package io.dceff.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The date a figure is measured at, and the one rule of what it may use (DESIGN.md, "As of its date"): only
 * facts in force on or before that date. Each capability says which date of its facts counts (status changes
 * and decisions by their dates, certifications by theirs, base stations by builtOn, reports by period,
 * assessments by asOf); nothing recorded later, with a later date, changes a figure as of an earlier one.
 * A date means the end of its day: a fact dated D is in force at D.
 */
public record AsOf(LocalDate date) {

    public AsOf {
        Objects.requireNonNull(date, "date");
    }

    public static AsOf of(LocalDate date) {
        return new AsOf(date);
    }

    /** "In year Y": measured at the end of Y, or today while Y is not over. */
    public static AsOf inYear(int year, LocalDate today) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return new AsOf(end.isAfter(today) ? today : end);
    }

    /** A fact that took effect on {@code effectiveOn} counts from that day on; an undated fact never counts. */
    public boolean inForce(LocalDate effectiveOn) {
        return effectiveOn != null && !effectiveOn.isAfter(date);
    }

    /** Whether a deadline is over: measured at the end of the day, a deadline on the date itself is. */
    public boolean isOver(LocalDate deadline) {
        return !date.isBefore(deadline);
    }

    /** The facts in force, in their order. */
    public <T> List<T> inForce(List<T> facts, Function<T, LocalDate> effectiveOn) {
        return facts.stream().filter(f -> inForce(effectiveOn.apply(f))).toList();
    }

    /** The first fact in force, in the order they were recorded (e.g. the first stored assessment as of the date). */
    public <T> Optional<T> first(List<T> recorded, Function<T, LocalDate> effectiveOn) {
        return recorded.stream().filter(f -> inForce(effectiveOn.apply(f))).findFirst();
    }

    /**
     * The fact in force with the latest date; of facts dated the same day, the one recorded last (e.g. a status,
     * or a decision, at the date).
     */
    public <T> Optional<T> latest(List<T> recorded, Function<T, LocalDate> effectiveOn) {
        T latest = null;
        for (T fact : recorded) {
            LocalDate on = effectiveOn.apply(fact);
            if (inForce(on) && (latest == null || !on.isBefore(effectiveOn.apply(latest)))) {
                latest = fact;
            }
        }
        return Optional.ofNullable(latest);
    }
}
