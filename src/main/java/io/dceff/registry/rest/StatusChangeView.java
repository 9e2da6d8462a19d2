package io.dceff.registry.rest;

import io.dceff.registry.DataCenterStatus;
import io.dceff.registry.StatusChange;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record StatusChangeView(
        @Schema(nullable = true, description = "absent for the registration")
        DataCenterStatus fromStatus,

        DataCenterStatus toStatus,
        LocalDate effectiveOn,
        Instant changedAt,
        @Schema(nullable = true) String changedBy,
        @Schema(nullable = true) String note) {
    public static StatusChangeView of(StatusChange c) {
        return new StatusChangeView(c.fromStatus, c.toStatus, c.effectiveOn, c.changedAt, c.changedBy, c.note);
    }
}
