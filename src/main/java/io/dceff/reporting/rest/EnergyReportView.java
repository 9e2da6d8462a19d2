package io.dceff.reporting.rest;

import static io.dceff.platform.json.Decimals.exact;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dceff.pue.Pue;
import io.dceff.reporting.QualityFlag;
import io.dceff.reporting.StoredReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored report with its PUE (three decimals for display) and data-quality flags. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnergyReportView(
        String dataCenterCode,
        YearMonth period,
        int revision,
        BigDecimal facilityKwh,
        BigDecimal itKwh,
        @Schema(nullable = true) BigDecimal renewableKwh,
        @Schema(nullable = true) BigDecimal reusedKwh,
        @Schema(nullable = true) BigDecimal waterM3,
        @Schema(nullable = true) Integer racksInUse,
        @Schema(nullable = true) Integer pueCategory,
        BigDecimal pue,
        Set<QualityFlag> qualityFlags,
        Instant submittedAt,
        @Schema(nullable = true) String submittedBy,

        @Schema(nullable = true, description = "the batch the revision came in")
        Long batchId,

        @Schema(nullable = true) String note) {

    public static EnergyReportView of(String dataCenterCode, StoredReport r) {
        return new EnergyReportView(
                dataCenterCode,
                r.period(),
                r.revision(),
                exact(r.facilityKwh()),
                exact(r.itKwh()),
                exact(r.renewableKwh()),
                exact(r.reusedKwh()),
                exact(r.waterM3()),
                r.racksInUse(),
                r.pueCategory(),
                Pue.display(Pue.of(r.facilityKwh(), r.itKwh())),
                r.flags(),
                r.submittedAt(),
                r.submittedBy(),
                r.batchId(),
                r.note());
    }
}
