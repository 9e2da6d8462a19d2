package io.dceff.pue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/** One month of a data center's energy (the latest revision); renewable, reused and water may be absent. */
public record MonthlyEnergy(
        YearMonth period,
        BigDecimal facilityKwh,
        BigDecimal itKwh,
        BigDecimal renewableKwh,
        BigDecimal reusedKwh,
        BigDecimal waterM3) {

    public MonthlyEnergy {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(facilityKwh, "facilityKwh");
        Objects.requireNonNull(itKwh, "itKwh");
    }

    public static MonthlyEnergy of(YearMonth period, String facilityKwh, String itKwh) {
        return new MonthlyEnergy(period, new BigDecimal(facilityKwh), new BigDecimal(itKwh), null, null, null);
    }
}
