package io.dceff.closure.rest;

import io.dceff.closure.DecisionAction;
import io.dceff.closure.RecordedDecision;
import io.dceff.registry.DataCenterStatus;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DecisionView(
        long id,
        String dataCenterCode,
        DecisionAction action,
        @Schema(nullable = true) String receivingSite,
        LocalDate decidedOn,
        @Schema(nullable = true) LocalDate dueOn,
        @Schema(nullable = true) LocalDate completedOn,
        @Schema(nullable = true) Long assessmentId,
        @Schema(nullable = true) String note,
        Instant recordedAt,
        String recordedBy,
        DataCenterStatus statusAfter) {

    public static DecisionView of(RecordedDecision d) {
        return new DecisionView(
                d.id(),
                d.dataCenterCode(),
                d.action(),
                d.receivingSite(),
                d.decidedOn(),
                d.dueOn(),
                d.completedOn(),
                d.assessmentId(),
                d.note(),
                d.recordedAt(),
                d.recordedBy(),
                d.statusAfter());
    }
}
