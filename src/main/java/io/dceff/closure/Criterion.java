package io.dceff.closure;

import java.math.BigDecimal;

/** One criterion's evidence: the value, the threshold, how they compare, and whether it is met (null if unknown). */
public record Criterion(BigDecimal value, BigDecimal threshold, String comparison, Boolean met) {}
