package io.dceff.stations.rest;

import io.dceff.platform.validation.RowValidator;
import io.dceff.stations.StationLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A base station as a carrier reports it; the carrier is the token's organization, never a field. */
@Schema(name = "BaseStationRow")
public record BaseStationRow(
        @NotBlank @Pattern(
                regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
                message = "must be 1–64 letters, digits, '.', '_' or '-'")
        @Schema(description = "the carrier's id of the site; a known one is updated")
        String siteId,

        @NotBlank @Schema(description = "6-digit GB/T 2260 district code")
        String district,

        @NotBlank @Schema(description = "2G, 3G, 4G, 5G or NB-IoT")
        String technology,

        @NotNull @Schema(description = "the day the site was built; not in the future")
        LocalDate builtOn,

        @Size(max = 10) @Schema(description = "codes of the other carriers on the site; empty when not shared")
        List<String> sharedWith) {

    static final String EXAMPLE =
            "[{\"siteId\": \"ALPHA-5G-900001\", \"district\": \"310115\", \"technology\": \"5G\", "
                    + "\"builtOn\": \"2026-10-02\", \"sharedWith\": [\"CAR-BETA\", \"CAR-GAMMA\"]}, {\"siteId\": "
                    + "\"ALPHA-5G-900002\", \"district\": \"310107\", \"technology\": \"5G\", \"builtOn\": \"2026-10-05\", "
                    + "\"sharedWith\": []}]";

    static final String CSV_EXAMPLE = "siteId,district,technology,builtOn,sharedWith\n"
            + "ALPHA-5G-900001,310115,5G,2026-10-02,CAR-BETA;CAR-GAMMA\n";

    /** The row for the service, with its constraint violations: one answer names them and the service's checks. */
    public StationLine line(RowValidator validator) {
        return new StationLine(siteId, district, technology, builtOn, sharedWith, validator.errors(this));
    }
}
