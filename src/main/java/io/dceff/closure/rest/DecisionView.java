package io.dceff.closure.rest;

import io.dceff.closure.DecisionAction;
import io.dceff.registry.DataCenterStatus;
import java.time.Instant;
import java.time.LocalDate;

public record DecisionView(long id, String dataCenterCode, DecisionAction action, String receivingSite,
        LocalDate decidedOn, LocalDate dueOn, LocalDate completedOn, Long assessmentId, String note, Instant recordedAt,
        String recordedBy, DataCenterStatus statusAfter) {
}
