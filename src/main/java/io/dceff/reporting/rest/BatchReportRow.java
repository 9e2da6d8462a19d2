package io.dceff.reporting.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.dceff.platform.validation.RowValidator;
import io.dceff.reporting.ReportLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A row of a batch upload: a report with the code of its data center. The CSV columns have these names. */
@Schema(name = "BatchReportRow")
@JsonPropertyOrder({
    "dataCenterCode",
    "period",
    "facilityKwh",
    "itKwh",
    "renewableKwh",
    "reusedKwh",
    "waterM3",
    "racksInUse",
    "pueCategory"
})
public record BatchReportRow(
        @NotBlank @Size(max = 32) @Schema(description = "code of the data center reported")
        String dataCenterCode,

        @Schema(required = true, description = "the month reported, YYYY-MM")
        YearMonth period,

        @Schema(required = true, description = "total facility energy E_DC, kWh")
        BigDecimal facilityKwh,

        @Schema(required = true, description = "IT energy E_IT, kWh; more than 0")
        BigDecimal itKwh,

        @Schema(description = "renewable energy E_REN, kWh") BigDecimal renewableKwh,

        @Schema(description = "energy reused outside the data center E_REUSE, kWh")
        BigDecimal reusedKwh,

        @Schema(description = "water used, m³") BigDecimal waterM3,
        @Schema(description = "racks in use at month end") Integer racksInUse,

        @Schema(description = "PUE measurement category 0–3 (The Green Grid)")
        Integer pueCategory) {

    static final String EXAMPLE =
            "[{\"dataCenterCode\": \"DEMO-01\", \"period\": \"2026-07\", \"facilityKwh\": 420000, "
                    + "\"itKwh\": 250000}, {\"dataCenterCode\": \"DEMO-01\", \"period\": \"2026-08\", \"facilityKwh\": 418000, "
                    + "\"itKwh\": 252000, \"racksInUse\": 310}]";

    static final String CSV_EXAMPLE = "dataCenterCode,period,facilityKwh,itKwh\nDEMO-01,2026-07,420000,250000\n"
            + "DEMO-01,2026-08,418000,252000\n";

    public EnergyReportRequest report() {
        return new EnergyReportRequest(
                period, facilityKwh, itKwh, renewableKwh, reusedKwh, waterM3, racksInUse, pueCategory, null);
    }

    /** The row for the service, with the report's constraint violations: one answer names them and the rules'. */
    public ReportLine line(RowValidator validator) {
        EnergyReportRequest report = report();
        return new ReportLine(dataCenterCode, report.figures(), validator.errors(report));
    }
}
