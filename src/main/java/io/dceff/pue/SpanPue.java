package io.dceff.pue;

import java.math.BigDecimal;

/** Energy-weighted PUE of a span: Σ facility ÷ Σ IT over its months; pue is null when no month has data. */
public record SpanPue(BigDecimal facilityKwh, BigDecimal itKwh, BigDecimal pue, int months) {}
