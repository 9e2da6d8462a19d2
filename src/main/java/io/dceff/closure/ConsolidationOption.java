package io.dceff.closure;

import java.math.BigDecimal;

/** A receiving site for a candidate's load, with the saving if the load moved there (kWh a year). */
public record ConsolidationOption(
        String code, String district, int spareRacks, BigDecimal pue, BigDecimal savingKwh, boolean sameDistrict) {}
