package io.dceff.dashboard.rest;

import io.dceff.dashboard.service.DistrictSummaryService;
import io.dceff.platform.csv.CsvMediaType;
import io.dceff.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/districts/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard", description = "Figures behind the regulator dashboard at /.")
@RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
public class DistrictSummaryResource {

    @Inject
    DistrictSummaryService service;

    @Inject
    Clock clock;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvMediaType.TEXT_CSV})
    @Operation(
            operationId = "getDistrictSummary",
            summary = "Data centers, racks, energy and PUE by district in a year",
            description =
                    "Every district, in code order. " + DistrictSummaryView.METHOD + " Also as text/csv. Regulators.")
    public DistrictSummaryView summary(
            @Parameter(description = "the year", required = true) @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        LocalDate today = LocalDate.now(clock);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate at = yearEnd.isAfter(today) ? today : yearEnd;
        return new DistrictSummaryView(year, at, DistrictSummaryView.METHOD, service.summary(year, at));
    }
}
