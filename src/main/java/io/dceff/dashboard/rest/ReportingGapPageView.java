package io.dceff.dashboard.rest;

import io.dceff.dashboard.ReportingGap;
import java.time.YearMonth;
import java.util.List;

/** A page of sites with missing months, and the span they were looked for in. */
public record ReportingGapPageView(
        YearMonth from, YearMonth to, List<ReportingGap> items, int page, int size, long total) {}
