package io.dceff.dashboard;

import static io.dceff.platform.json.Decimals.exact;

import io.dceff.pue.Pue;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One district in a year: the data centers operating (or consolidating) at the year's end and their
 * racks, and the energy of the year's reports (latest revisions). The PUE is energy-weighted,
 * Σ facility kWh ÷ Σ IT kWh over every report of the district (ISO/IEC 30134-2), never a mean of site PUEs;
 * null when nothing was reported.
 */
public record DistrictSummary(
        String code,
        String nameZh,
        String nameEn,
        long dataCenters,
        long racks,
        long reportingDataCenters,
        BigDecimal facilityKwh,
        BigDecimal itKwh,

        @Schema(nullable = true, description = "null without reports in the year")
        BigDecimal pue) {

    public static DistrictSummary of(
            String code,
            String nameZh,
            String nameEn,
            long dataCenters,
            long racks,
            long reportingDataCenters,
            BigDecimal facilityKwh,
            BigDecimal itKwh) {
        BigDecimal facility = facilityKwh == null ? BigDecimal.ZERO : exact(facilityKwh);
        BigDecimal it = itKwh == null ? BigDecimal.ZERO : exact(itKwh);
        return new DistrictSummary(
                code,
                nameZh,
                nameEn,
                dataCenters,
                racks,
                reportingDataCenters,
                facility,
                it,
                Pue.display(Pue.of(facility, it)));
    }
}
