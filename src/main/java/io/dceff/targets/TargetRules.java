package io.dceff.targets;

import io.dceff.platform.AsOf;
import io.dceff.pue.Pue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The arithmetic of the plan's targets (DESIGN.md, Targets), in plain values. */
public final class TargetRules {

    private TargetRules() {}

    /** Share of the plan period elapsed at a date, 0–1. */
    public static BigDecimal elapsedShare(LocalDate start, LocalDate end, LocalDate at) {
        if (!at.isAfter(start)) {
            return BigDecimal.ZERO;
        }
        if (!at.isBefore(end)) {
            return BigDecimal.ONE;
        }
        return BigDecimal.valueOf(ChronoUnit.DAYS.between(start, at))
                .divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(start, end)), 4, RoundingMode.HALF_UP);
    }

    /** actual ÷ target, four decimals; null without an actual. */
    public static BigDecimal progress(BigDecimal actual, BigDecimal target) {
        return actual == null ? null : actual.divide(target, 4, RoundingMode.HALF_UP);
    }

    /**
     * MET when the target is reached; NO_BASELINE without a figure; otherwise MISSED once the deadline is over at
     * the measuring date, and before it ON_TRACK when progress ≥ the elapsed share of the plan period, else BEHIND.
     */
    public static TargetStatus status(
            BigDecimal actual, BigDecimal target, BigDecimal elapsedShare, AsOf at, LocalDate deadline) {
        if (actual == null) {
            return TargetStatus.NO_BASELINE;
        }
        if (actual.compareTo(target) >= 0) {
            return TargetStatus.MET;
        }
        if (at.isOver(deadline)) {
            return TargetStatus.MISSED;
        }
        return progress(actual, target).compareTo(elapsedShare) >= 0 ? TargetStatus.ON_TRACK : TargetStatus.BEHIND;
    }

    /**
     * The baseline of closure progress at a measuring date: the first stored assessment whose asOf is on or before
     * it. An assessment as of a later date is not known then, whenever it was made.
     *
     * @param stored the assessments in the order stored
     */
    public static <A> Optional<A> baseline(List<A> stored, Function<A, LocalDate> asOf, AsOf at) {
        return at.first(stored, asOf);
    }

    /** Share of the baseline's candidates consolidating or closed, four decimals; null without candidates. */
    public static BigDecimal closureShare(int done, int candidates) {
        return candidates == 0
                ? null
                : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(candidates), 4, RoundingMode.HALF_UP);
    }

    /** One data center's energy in a year and the year before. */
    public record TwoYears(
            String code, BigDecimal facilityPrevious, BigDecimal itPrevious, BigDecimal facility, BigDecimal it) {}

    /** The saving and the sums behind it. */
    public record Saving(BigDecimal share, BigDecimal expectedKwh, BigDecimal actualKwh, int dataCenters) {}

    /**
     * Energy saved by efficiency at this year's IT load: Σ (E_IT,y × PUE_y−1 − E_DC,y) ÷ Σ (E_IT,y × PUE_y−1),
     * over data centers that reported in both years; null when there are none.
     */
    public static Saving energySaving(List<TwoYears> sites) {
        BigDecimal expected = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        int counted = 0;
        for (TwoYears s : sites) {
            if (s.itPrevious().signum() == 0 || s.it().signum() == 0) {
                continue;
            }
            expected = expected.add(s.it().multiply(Pue.of(s.facilityPrevious(), s.itPrevious())));
            actual = actual.add(s.facility());
            counted++;
        }
        if (counted == 0) {
            return new Saving(null, BigDecimal.ZERO, BigDecimal.ZERO, 0);
        }
        BigDecimal share = expected.subtract(actual).divide(expected, MathContext.DECIMAL128);
        return new Saving(share, expected, actual, counted);
    }
}
