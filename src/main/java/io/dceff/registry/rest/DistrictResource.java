package io.dceff.registry.rest;

import io.dceff.platform.security.Roles;
import io.dceff.registry.District;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/districts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "Fixed lists the other operations refer to.")
@RolesAllowed({Roles.OPERATOR, Roles.CARRIER, Roles.REGULATOR, Roles.ADMIN})
public class DistrictResource {

    @GET
    @Operation(
            operationId = "listDistricts",
            summary = "The 16 districts of Shanghai",
            description = "GB/T 2260 codes with Chinese and English names. Any role.")
    public List<DistrictView> list() {
        return District.<District>listAll(Sort.by("code")).stream()
                .map(DistrictView::of)
                .toList();
    }
}
