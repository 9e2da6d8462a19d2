package io.dceff.reporting.rest;

import io.dceff.reporting.QualityFlag;
import io.dceff.reporting.ReportBatch;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/** What a stored batch holds: its size and span, and the rows that carry data-quality flags. */
public record BatchView(
        long id,
        int rows,
        int dataCenters,
        YearMonth firstPeriod,
        YearMonth lastPeriod,
        int flagged,
        List<FlaggedRow> flaggedRows) {

    public record FlaggedRow(int row, String dataCenterCode, YearMonth period, Set<QualityFlag> flags) {}

    public static BatchView of(ReportBatch b) {
        return new BatchView(
                b.id(),
                b.rows(),
                b.dataCenters(),
                b.firstPeriod(),
                b.lastPeriod(),
                b.flagged(),
                b.flaggedRows().stream()
                        .map(r -> new FlaggedRow(r.row(), r.dataCenterCode(), r.period(), r.flags()))
                        .toList());
    }
}
