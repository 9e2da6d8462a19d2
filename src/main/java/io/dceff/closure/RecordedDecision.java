package io.dceff.closure;

import io.dceff.registry.DataCenterStatus;
import java.time.Instant;
import java.time.LocalDate;

/** A decision as recorded, with who recorded it when and the data center's status now. */
public record RecordedDecision(
        long id,
        String dataCenterCode,
        DecisionAction action,
        String receivingSite,
        LocalDate decidedOn,
        LocalDate dueOn,
        LocalDate completedOn,
        Long assessmentId,
        String note,
        Instant recordedAt,
        String recordedBy,
        DataCenterStatus statusAfter) {}
