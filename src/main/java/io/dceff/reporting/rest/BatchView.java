package io.dceff.reporting.rest;

import io.dceff.reporting.QualityFlag;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/** What a stored batch holds: its size and span, and the rows that carry data-quality flags. */
public record BatchView(long id, int rows, int dataCenters, YearMonth firstPeriod, YearMonth lastPeriod, int flagged,
        List<FlaggedRow> flaggedRows) {

    public record FlaggedRow(int row, String dataCenterCode, YearMonth period, Set<QualityFlag> flags) {
    }
}
