package io.dceff.registry.rest;

import io.dceff.registry.DataCenterStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record StatusChangeRequest(
        @NotNull @Schema(description = "the new status") DataCenterStatus status,

        @Schema(description = "the day the status takes effect; default today")
        LocalDate effectiveOn,

        @Size(max = 1000) @Schema(description = "why, kept in the status history")
        String note) {}
