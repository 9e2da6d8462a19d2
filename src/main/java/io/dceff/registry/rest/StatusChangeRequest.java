package io.dceff.registry.rest;

import io.dceff.registry.DataCenterStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public record StatusChangeRequest(@NotNull DataCenterStatus status, LocalDate effectiveOn,
        @Size(max = 1000) String note) {
}
