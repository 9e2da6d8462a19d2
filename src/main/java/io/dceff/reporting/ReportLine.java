package io.dceff.reporting;

import io.dceff.platform.problem.Problem.FieldError;
import java.util.List;

/**
 * One row of a submission: the data center's code, the figures (null for an empty row), and the errors already
 * found in the row's shape where it came in (the field constraints of the request), which the submission answers
 * together with the report rules, row by row.
 */
public record ReportLine(String dataCenterCode, ReportFigures figures, List<FieldError> inputErrors) {

    /** A row that holds nothing. */
    public static final ReportLine EMPTY = new ReportLine(null, null, List.of());
}
