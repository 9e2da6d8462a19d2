package io.dceff.reporting;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/** A stored batch: its size and span, and its rows that carry data-quality flags (numbered in submission order). */
public record ReportBatch(
        long id,
        int rows,
        int dataCenters,
        YearMonth firstPeriod,
        YearMonth lastPeriod,
        int flagged,
        List<FlaggedRow> flaggedRows) {

    public record FlaggedRow(int row, String dataCenterCode, YearMonth period, Set<QualityFlag> flags) {}
}
