package io.dceff.reporting.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A row of a batch upload: a report with the code of its data center. The CSV columns have these names. */
@Schema(name = "BatchReportRow")
@JsonPropertyOrder({"dataCenterCode", "period", "facilityKwh", "itKwh", "renewableKwh", "reusedKwh", "waterM3",
        "racksInUse", "pueCategory"})
public record BatchReportRow(@NotBlank @Size(max = 32) String dataCenterCode, YearMonth period, BigDecimal facilityKwh,
        BigDecimal itKwh, BigDecimal renewableKwh, BigDecimal reusedKwh, BigDecimal waterM3, Integer racksInUse,
        Integer pueCategory) {

    public EnergyReportRequest report() {
        return new EnergyReportRequest(period, facilityKwh, itKwh, renewableKwh, reusedKwh, waterM3, racksInUse,
                pueCategory, null);
    }
}
