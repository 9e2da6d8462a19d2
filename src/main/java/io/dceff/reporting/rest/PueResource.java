package io.dceff.reporting.rest;

import io.dceff.platform.security.Caller;
import io.dceff.platform.security.Roles;
import io.dceff.reporting.service.PueService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/data-centers/{code}/pue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "PUE trend",
        description = "Energy-weighted PUE of a data center over months and years, its trend "
                + "and its GB 40879-2021 energy grade.")
@RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
public class PueResource {

    @Inject
    PueService service;

    @Inject
    Caller caller;

    @GET
    @Operation(
            operationId = "getPueTrend",
            summary = "PUE trend of a data center",
            description = "Monthly PUE series over [from, to] (latest revisions); annual PUE per calendar year and the "
                    + "trailing-12-month PUE ending at `to`, each energy-weighted (Σ facility kWh ÷ Σ IT kWh, never a "
                    + "mean of monthly PUEs) with its month count and REF, ERF, WUE (L/kWh) and CUE (kgCO2/kWh) where "
                    + "the reports carry the figures; yoyChange = trailing PUE at `to` minus the trailing PUE 12 months "
                    + "earlier; slopePerYear by the Theil–Sen estimator (median of pairwise slopes of the monthly "
                    + "series, × 12); missing months; and the GB 40879-2021 energy grade from the trailing PUE "
                    + "(GRADE_1 ≤ 1.20, GRADE_2 ≤ 1.30, GRADE_3 ≤ 1.50, else EXCEEDS_LIMIT; NOT_APPLICABLE for edge "
                    + "sites of ≤ 100 racks; NO_DATA without reports). `to` defaults to the last full month, `from` to "
                    + "23 months before `to`. Operators: their own data centers only.")
    public PueTrendView trend(
            @Parameter(description = "data-center code") @PathParam("code") String code,
            @Parameter(description = "first month, YYYY-MM; default 23 months before to") @QueryParam("from")
                    YearMonth from,
            @Parameter(description = "last month, YYYY-MM; default the last full month") @QueryParam("to")
                    YearMonth to) {
        PueService.Trend trend = service.trend(code, from, to, caller.actor());
        return PueTrendView.of(code, trend.trend(), trend.thresholds(), service.gridFactor());
    }
}
