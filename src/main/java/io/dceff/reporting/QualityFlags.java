package io.dceff.reporting;

import io.dceff.pue.MonthlyEnergy;
import io.dceff.pue.Pue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.EnumSet;

/** Decides the data-quality flags of one report from its figures, its data center and the month before. */
public final class QualityFlags {

    private final QualityThresholds thresholds;

    public QualityFlags(QualityThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * @param previousMonth     the latest revision of the calendar month before, or null
     * @param hasEarlierReport  whether the data center reported any earlier month
     */
    public EnumSet<QualityFlag> assess(
            YearMonth period,
            BigDecimal facilityKwh,
            BigDecimal itKwh,
            int racks,
            MonthlyEnergy previousMonth,
            boolean hasEarlierReport) {
        EnumSet<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        BigDecimal pue = Pue.of(facilityKwh, itKwh);
        if (pue != null && pue.compareTo(thresholds.maxPlausiblePue()) > 0) {
            flags.add(QualityFlag.PUE_ABOVE_3);
        }
        if (pue != null && previousMonth != null) {
            BigDecimal previous = Pue.of(previousMonth.facilityKwh(), previousMonth.itKwh());
            if (previous != null && previous.signum() > 0) {
                BigDecimal change = pue.subtract(previous).abs().divide(previous, MathContext.DECIMAL128);
                if (change.compareTo(thresholds.maxMonthOnMonthChange()) > 0) {
                    flags.add(QualityFlag.PUE_JUMP);
                }
            }
        }
        BigDecimal hours = BigDecimal.valueOf(period.lengthOfMonth() * 24L);
        BigDecimal capacityKwh =
                BigDecimal.valueOf(racks).multiply(thresholds.kwPerRack()).multiply(hours);
        if (itKwh != null && itKwh.compareTo(capacityKwh) > 0) {
            flags.add(QualityFlag.IT_ABOVE_RACK_CAPACITY);
        }
        if (hasEarlierReport && previousMonth == null) {
            flags.add(QualityFlag.GAP_BEFORE);
        }
        return flags;
    }
}
