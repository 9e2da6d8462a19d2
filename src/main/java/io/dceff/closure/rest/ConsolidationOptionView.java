package io.dceff.closure.rest;

import io.dceff.closure.ConsolidationOption;
import java.math.BigDecimal;

/** A receiving site for a candidate's load, with the saving if the load moved there (kWh a year). */
public record ConsolidationOptionView(
        String code, String district, int spareRacks, BigDecimal pue, BigDecimal savingKwh, boolean sameDistrict) {

    public static ConsolidationOptionView of(ConsolidationOption o) {
        return new ConsolidationOptionView(
                o.code(), o.district(), o.spareRacks(), o.pue(), o.savingKwh(), o.sameDistrict());
    }
}
