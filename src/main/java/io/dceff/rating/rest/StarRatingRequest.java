package io.dceff.rating.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StarRatingRequest")
public record StarRatingRequest(
        @Schema(description = "scheme id (its highest version) or id@version; default green-design-v1")
        String scheme,

        @NotNull @Valid Declaration declaration) {}
