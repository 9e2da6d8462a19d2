package io.dceff.targets;

import io.dceff.pue.Pue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The arithmetic of the plan's targets (DESIGN.md, Targets), in plain values. */
public final class TargetRules {

    private TargetRules() {
    }

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

    public static TargetStatus status(BigDecimal actual, BigDecimal target, BigDecimal elapsedShare) {
        if (actual != null && actual.compareTo(target) >= 0) {
            return TargetStatus.MET;
        }
        BigDecimal progress = progress(actual, target);
        return progress != null && progress.compareTo(elapsedShare) >= 0 ? TargetStatus.ON_TRACK : TargetStatus.BEHIND;
    }

    /** One data center's energy in a year and the year before. */
    public record TwoYears(String code, BigDecimal facilityPrevious, BigDecimal itPrevious, BigDecimal facility,
            BigDecimal it) {
    }

    /** The saving and the sums behind it. */
    public record Saving(BigDecimal share, BigDecimal expectedKwh, BigDecimal actualKwh, int dataCenters) {
    }

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
