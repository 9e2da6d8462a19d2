package io.dceff.registry.rest;

import io.dceff.registry.DataCenter;
import io.dceff.registry.DataCenterStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DataCenterView(
        String code,
        String name,
        String operatorCode,
        String district,
        @Schema(nullable = true) String address,
        int racks,
        LocalDate commissionedOn,
        DataCenterStatus status,
        @Schema(nullable = true) BigDecimal designPue,
        @Schema(nullable = true) BigDecimal itCapacityKw,
        @Schema(nullable = true) String coolingType,
        boolean wasteHeatReuse,
        boolean zeroCarbon,
        Instant createdAt,
        Instant updatedAt,
        int version,

        @Schema(nullable = true, description = "date of the zero-carbon certification; null when not certified")
        LocalDate zeroCarbonCertifiedOn) {

    public static DataCenterView of(DataCenter d) {
        return new DataCenterView(
                d.code,
                d.name,
                d.operatorCode,
                d.districtCode,
                d.address,
                d.racks,
                d.commissionedOn,
                d.status,
                d.designPue,
                d.itCapacityKw,
                d.coolingType,
                d.wasteHeatReuse,
                d.zeroCarbon,
                d.createdAt,
                d.updatedAt,
                d.version,
                d.zeroCarbonCertifiedOn);
    }
}
