package io.dceff.registry.rest;

import io.dceff.registry.DataCenterDetails;
import io.dceff.registry.DataCenterStatus;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A data center as registered (POST) or updated (PUT, where {@code code} must match the path). */
@Schema(name = "DataCenterRequest")
public record DataCenterRequest(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) @Schema(description = "the code the regulator assigned to the site; cannot change")
        String code,

        @NotBlank @Size(max = 200) @Schema(description = "name of the site")
        String name,

        @NotBlank @Schema(description = "code of the operating organization; operators may only use their own")
        String operatorCode,

        @NotBlank @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 district code") @Schema(description = "6-digit GB/T 2260 district code (GET /api/v1/districts)")
        String district,

        @Size(max = 300) @Schema(description = "street address")
        String address,

        @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 1_000_000, message = "must be at most 1000000") @Schema(description = "capacity in standard racks of 2.5 kW")
        Integer racks,

        @NotNull @Schema(description = "date of going into continuous operation")
        LocalDate commissionedOn,

        @Schema(description = "OPERATING when absent") DataCenterStatus status,

        @DecimalMin(value = "1.0", message = "must be at least 1.0") @DecimalMax(value = "10.0", message = "must be at most 10.0") @Digits(integer = 2, fraction = 3) @Schema(description = "PUE the site was designed for")
        BigDecimal designPue,

        @PositiveOrZero @Digits(integer = 9, fraction = 2) @Schema(description = "IT capacity, kW")
        BigDecimal itCapacityKw,

        @Size(max = 40) @Schema(description = "cooling technology, free text (e.g. liquid, evaporative)")
        String coolingType,

        @Schema(description = "whether the site delivers waste heat (or cold) to the region; false when absent")
        Boolean wasteHeatReuse,

        @Schema(description = "whether the site is certified zero-carbon; false when absent")
        Boolean zeroCarbon,

        @Size(max = 1000) @Schema(description = "why the status changes, kept in the status history")
        String statusNote,

        @Schema(
                description = "date of the zero-carbon certification, not in the future; implies zeroCarbon. With "
                        + "zeroCarbon true and no date: the date already stored, or today")
        LocalDate zeroCarbonCertifiedOn) {

    static final String EXAMPLE = "{\"code\": \"DEMO-01\", \"name\": \"Demo site\", \"operatorCode\": \"OP-MINGZHU\", "
            + "\"district\": \"310115\", \"address\": \"1 Demo Road\", \"racks\": 400, \"commissionedOn\": \"2014-06-30\", "
            + "\"designPue\": 1.45, \"itCapacityKw\": 1000, \"coolingType\": \"air\", \"wasteHeatReuse\": false, "
            + "\"zeroCarbon\": false}";

    public DataCenterDetails details() {
        return new DataCenterDetails(
                code,
                name,
                operatorCode,
                district,
                address,
                racks,
                commissionedOn,
                status,
                designPue,
                itCapacityKw,
                coolingType,
                wasteHeatReuse,
                zeroCarbon,
                statusNote,
                zeroCarbonCertifiedOn);
    }
}
