package io.dceff.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One site's missing monthly reports in a span of months. A month is owed from the month the site was
 * commissioned in (the first month an operator can report, as the report rules allow) up to the span's end.
 */
public record ReportingGap(
        String code,
        String name,
        String operatorCode,
        String district,
        String status,
        int monthsOwed,
        List<YearMonth> missing) {

    /** The months of [from, to] owed by a site commissioned on {@code commissionedOn} and not among {@code reported}. */
    public static List<YearMonth> missing(
            YearMonth from, YearMonth to, LocalDate commissionedOn, Collection<YearMonth> reported) {
        YearMonth first = YearMonth.from(commissionedOn);
        List<YearMonth> missing = new ArrayList<>();
        for (YearMonth m = first.isAfter(from) ? first : from; !m.isAfter(to); m = m.plusMonths(1)) {
            if (!reported.contains(m)) {
                missing.add(m);
            }
        }
        return missing;
    }

    /** How many months of [from, to] a site commissioned on {@code commissionedOn} owes. */
    public static int owed(YearMonth from, YearMonth to, LocalDate commissionedOn) {
        YearMonth first = YearMonth.from(commissionedOn);
        YearMonth start = first.isAfter(from) ? first : from;
        return start.isAfter(to)
                ? 0
                : (int) (to.getYear() * 12L + to.getMonthValue() - start.getYear() * 12L - start.getMonthValue() + 1);
    }
}
