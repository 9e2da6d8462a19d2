package io.dceff.registry.rest;

import io.dceff.registry.OrganizationDetails;
import io.dceff.registry.OrganizationKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrganizationRequest")
public record OrganizationRequest(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) @Schema(description = "the organization's code, used in tokens (org claim) and data-center records")
        String code,

        @NotBlank @Size(max = 200) @Schema(description = "registered name")
        String name,

        @NotNull @Schema(description = "OPERATOR of data centers or telecom CARRIER")
        OrganizationKind kind,

        @NotBlank @Schema(description = "18-character unified social credit code (GB 32100-2015); the check digit is verified")
        String creditCode) {

    public OrganizationDetails details() {
        return new OrganizationDetails(code, name, kind, creditCode);
    }
}
