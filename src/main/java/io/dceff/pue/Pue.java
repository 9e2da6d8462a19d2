package io.dceff.pue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * PUE = facility energy ÷ IT energy (ISO/IEC 30134-2). Kept unrounded (34 significant digits) for every
 * comparison; three decimals only for display.
 */
public final class Pue {

    private Pue() {}

    /** @return null when there is no IT energy to divide by */
    public static BigDecimal of(BigDecimal facilityKwh, BigDecimal itKwh) {
        if (facilityKwh == null || itKwh == null || itKwh.signum() == 0) {
            return null;
        }
        return facilityKwh.divide(itKwh, MathContext.DECIMAL128);
    }

    public static BigDecimal display(BigDecimal pue) {
        return pue == null ? null : pue.setScale(3, RoundingMode.HALF_UP);
    }
}
