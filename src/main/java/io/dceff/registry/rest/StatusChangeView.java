package io.dceff.registry.rest;

import io.dceff.registry.DataCenterStatus;
import io.dceff.registry.StatusChange;
import java.time.Instant;
import java.time.LocalDate;

public record StatusChangeView(DataCenterStatus fromStatus, DataCenterStatus toStatus, LocalDate effectiveOn,
        Instant changedAt, String changedBy, String note) {
    public static StatusChangeView of(StatusChange c) {
        return new StatusChangeView(c.fromStatus, c.toStatus, c.effectiveOn, c.changedAt, c.changedBy, c.note);
    }
}
