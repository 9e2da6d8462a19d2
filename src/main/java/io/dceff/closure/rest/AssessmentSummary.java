package io.dceff.closure.rest;

import io.dceff.closure.service.AssessmentService.Summary;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A past assessment in the list: its date, who froze it when, and its counts. */
@Schema(name = "AssessmentSummary")
public record AssessmentSummary(
        long id, LocalDate asOf, Instant createdAt, String createdBy, int candidates, int noData) {

    public static AssessmentSummary of(Summary s) {
        return new AssessmentSummary(s.id(), s.asOf(), s.createdAt(), s.createdBy(), s.candidates(), s.noData());
    }
}
