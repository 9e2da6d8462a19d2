package io.dceff.rating.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dceff.rating.DesignDeclaration;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A green-design declaration as sent and answered (the wire shape of {@link DesignDeclaration}). */
@Schema(name = "Declaration")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Declaration(
        @NotNull @DecimalMin(value = "1.0", message = "must be at least 1.0") @DecimalMax(value = "5.0", message = "must be at most 5.0") @Digits(integer = 1, fraction = 3) @Schema(description = "design PUE, 1.0–5.0")
        BigDecimal designPue,

        @DecimalMin(value = "0", message = "must be between 0 and 1") @DecimalMax(value = "1", message = "must be between 0 and 1") @Schema(description = "renewable energy factor REF, 0–1")
        BigDecimal renewableShare,

        @DecimalMin(value = "0", message = "must be between 0 and 1") @DecimalMax(value = "1", message = "must be between 0 and 1") @Schema(description = "energy reuse factor ERF, 0–1")
        BigDecimal wasteHeatReuseFactor,

        @DecimalMin(value = "0", message = "must not be negative") @DecimalMax(value = "20", message = "must be at most 20") @Schema(description = "design water usage effectiveness, L/kWh")
        BigDecimal designWue,

        @DecimalMin(value = "0", message = "must be between 0 and 1") @DecimalMax(value = "1", message = "must be between 0 and 1") @Schema(description = "share of the IT load cooled by liquid, 0–1")
        BigDecimal liquidCoolingShare,

        @DecimalMin(value = "0", message = "must be between 0 and 1") @DecimalMax(value = "1", message = "must be between 0 and 1") @Schema(description = "share of equipment from the MIIT recommended catalogue, 0–1")
        BigDecimal catalogueEquipmentShare,

        @Schema(description = "modular rooms") Boolean modular,
        @Schema(description = "distributed power supply") Boolean distributedPower,

        @NotNull @Min(value = 0, message = "must be between 0 and 3") @Max(value = 3, message = "must be between 0 and 3") @Schema(description = "PUE measurement category 0–3 (The Green Grid)")
        Integer meteringCategory) {

    public DesignDeclaration design() {
        return new DesignDeclaration(
                designPue,
                renewableShare,
                wasteHeatReuseFactor,
                designWue,
                liquidCoolingShare,
                catalogueEquipmentShare,
                modular,
                distributedPower,
                meteringCategory);
    }

    public static Declaration of(DesignDeclaration d) {
        return new Declaration(
                d.designPue(),
                d.renewableShare(),
                d.wasteHeatReuseFactor(),
                d.designWue(),
                d.liquidCoolingShare(),
                d.catalogueEquipmentShare(),
                d.modular(),
                d.distributedPower(),
                d.meteringCategory());
    }
}
