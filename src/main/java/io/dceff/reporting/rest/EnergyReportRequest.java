package io.dceff.reporting.rest;

import io.dceff.reporting.ReportFigures;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One month of a data center's energy, as POSTed, PUT (correction) or sent in a batch row. */
@Schema(name = "EnergyReportRequest")
public record EnergyReportRequest(
        @NotNull @Schema(description = "the month reported, YYYY-MM")
        YearMonth period,

        @NotNull @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 15, fraction = 3) @Schema(description = "total facility energy E_DC, kWh")
        BigDecimal facilityKwh,

        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @Digits(integer = 15, fraction = 3) @Schema(description = "IT energy E_IT at the UPS output or closer to the IT load, kWh")
        BigDecimal itKwh,

        @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 15, fraction = 3) @Schema(description = "renewable energy E_REN, kWh")
        BigDecimal renewableKwh,

        @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 15, fraction = 3) @Schema(description = "energy reused outside the data center E_REUSE (heat meter), kWh")
        BigDecimal reusedKwh,

        @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 12, fraction = 3) @Schema(description = "water used, m³")
        BigDecimal waterM3,

        @Min(value = 0, message = "must not be negative") @Schema(description = "racks in use at month end")
        Integer racksInUse,

        @Min(value = 0, message = "must be between 0 and 3") @Max(value = 3, message = "must be between 0 and 3") @Schema(description = "PUE measurement category 0–3 (The Green Grid)")
        Integer pueCategory,

        @Size(max = 1000) @Schema(description = "why a correction was made (PUT)")
        String note) {

    static final String EXAMPLE = "{\"period\": \"2026-09\", \"facilityKwh\": 412000.5, \"itKwh\": 251000, "
            + "\"renewableKwh\": 30000, \"reusedKwh\": 0, \"waterM3\": 1800, \"racksInUse\": 300, \"pueCategory\": 2}";

    static final String CORRECTION = "{\"period\": \"2026-09\", \"facilityKwh\": 405000, \"itKwh\": 251000, "
            + "\"renewableKwh\": 30000, \"racksInUse\": 300, \"note\": \"meter re-read\"}";

    public ReportFigures figures() {
        return new ReportFigures(
                period, facilityKwh, itKwh, renewableKwh, reusedKwh, waterM3, racksInUse, pueCategory, note);
    }
}
