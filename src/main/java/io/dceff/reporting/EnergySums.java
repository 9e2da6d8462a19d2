package io.dceff.reporting;

import java.math.BigDecimal;

/** A data center's energy over a span of months (latest revisions): the sums and how many months were reported. */
public record EnergySums(BigDecimal facilityKwh, BigDecimal itKwh, BigDecimal reusedKwh, int months) {}
