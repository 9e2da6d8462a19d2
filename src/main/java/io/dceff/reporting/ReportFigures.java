package io.dceff.reporting;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One month of a data center's energy as an operator states it: what {@link ReportRules} checks and a revision
 * stores. Null figures are absent ones; the note says why a correction was made.
 */
public record ReportFigures(
        YearMonth period,
        BigDecimal facilityKwh,
        BigDecimal itKwh,
        BigDecimal renewableKwh,
        BigDecimal reusedKwh,
        BigDecimal waterM3,
        Integer racksInUse,
        Integer pueCategory,
        String note) {

    public ReportFigures withPeriod(YearMonth month) {
        return new ReportFigures(
                month, facilityKwh, itKwh, renewableKwh, reusedKwh, waterM3, racksInUse, pueCategory, note);
    }
}
