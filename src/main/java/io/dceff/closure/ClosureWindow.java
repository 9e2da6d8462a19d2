package io.dceff.closure;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The 12 calendar months ending with the last month that ends on or before the as-of date
 * (asOf 2025-06-30 → 2024-07 … 2025-06; asOf 2025-06-15 → 2024-06 … 2025-05).
 */
public record ClosureWindow(YearMonth first, YearMonth last) {

    public static ClosureWindow endingOnOrBefore(LocalDate asOf) {
        YearMonth month = YearMonth.from(asOf);
        YearMonth last = asOf.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
        return new ClosureWindow(last.minusMonths(11), last);
    }
}
