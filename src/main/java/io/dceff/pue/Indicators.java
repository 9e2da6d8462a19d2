package io.dceff.pue;

import java.math.BigDecimal;

/**
 * ISO/IEC 30134 indicators of a span. REF, ERF and WUE use only the months that carry their figure (the
 * count says how many); each is null when no month does. CUE uses the grid factor and every month.
 */
public record Indicators(
        BigDecimal ref, int refMonths, BigDecimal erf, int erfMonths, BigDecimal wue, int wueMonths, BigDecimal cue) {}
