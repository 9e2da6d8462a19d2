package io.dceff.platform;

import java.math.BigDecimal;

/** One dated conversion factor with where it comes from; named on every figure computed with it. */
public record ConversionFactor(String id, BigDecimal value, String unit, String region, int year, String source) {}
