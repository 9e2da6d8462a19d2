package io.dceff.reporting;

import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * What is stored around a submission: the latest revisions of some sites' months in a span, by site and month, and
 * the first month each of them has reported at all (in or before the span). Sites without a report are absent from
 * both.
 */
public record StoredMonths(
        Map<Long, NavigableMap<YearMonth, StoredReport>> current, Map<Long, YearMonth> firstReported) {

    public static StoredMonths none() {
        return new StoredMonths(Map.of(), Map.of());
    }

    /** The stored months of one site in the span, oldest first; empty when none. */
    public NavigableMap<YearMonth, StoredReport> of(long dataCenterId) {
        NavigableMap<YearMonth, StoredReport> months = current.get(dataCenterId);
        return months == null ? new TreeMap<>() : months;
    }

    /** The first month a site has reported, or null when it has reported none. */
    public YearMonth firstReported(long dataCenterId) {
        return firstReported.get(dataCenterId);
    }

    /** The sites with a report. */
    public Set<Long> reported() {
        return firstReported.keySet();
    }
}
