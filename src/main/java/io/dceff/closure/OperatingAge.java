package io.dceff.closure;

import java.time.LocalDate;
import java.time.Period;

/**
 * Full calendar years in operation (2015-06-30 → 2025-06-30 is 10; → 2025-06-29 is 9), by {@link Period}
 * arithmetic: a site commissioned on 29 February completes a year in a common year on 1 March
 * (2016-02-29 → 2026-02-28 is 9, → 2026-03-01 is 10), never before the anniversary has fully passed.
 */
public final class OperatingAge {

    private OperatingAge() {}

    public static int fullYears(LocalDate commissionedOn, LocalDate at) {
        return at.isBefore(commissionedOn)
                ? 0
                : Period.between(commissionedOn, at).getYears();
    }
}
