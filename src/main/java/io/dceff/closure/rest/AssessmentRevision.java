package io.dceff.closure.rest;

import io.dceff.closure.service.AssessmentService.RevisionUsed;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One report revision an assessment used. */
@Schema(name = "AssessmentRevision")
public record AssessmentRevision(String dataCenterCode, YearMonth period, int revision) {

    public static AssessmentRevision of(RevisionUsed r) {
        return new AssessmentRevision(r.dataCenterCode(), r.period(), r.revision());
    }
}
