package io.dceff.dashboard.rest;

import io.dceff.dashboard.ReportingGap;
import io.dceff.dashboard.service.ReportingGapService;
import io.dceff.platform.csv.CsvMediaType;
import io.dceff.platform.paging.Page;
import io.dceff.platform.paging.PageRequest;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.security.Caller;
import io.dceff.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reporting-gaps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
public class ReportingGapResource {

    @Inject
    ReportingGapService service;

    @Inject
    Caller caller;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvMediaType.TEXT_CSV})
    @Operation(
            operationId = "listReportingGaps",
            summary = "Missing monthly reports, site by site",
            description =
                    "The months up to `to` (`months` of them, default 12) for which an OPERATING or CONSOLIDATING "
                            + "data center has no energy report, counted from the month it was commissioned; only sites with "
                            + "at least one missing month, most missing first. Filters: district, operator. Regulators; "
                            + "operators see their own sites only (`operator`, if given, must be their own).")
    public ReportingGapPageView gaps(
            @Parameter(description = "YYYY-MM, the last month looked at") @QueryParam("to") @NotNull YearMonth to,
            @Parameter(description = "how many months up to `to` are looked at (1 to 60)")
                    @QueryParam("months")
                    @DefaultValue("12")
                    @Min(1) @Max(60) int months,
            @Parameter(description = "only this district (6-digit code)") @QueryParam("district") String district,
            @Parameter(description = "only this operator's sites (organization code)") @QueryParam("operator")
                    String operator,
            @Valid @BeanParam PageRequest page) {
        YearMonth from = to.minusMonths(months - 1L);
        if (from.getYear() < 2000) {
            throw ProblemException.invalid("to", "must be 2000-01 or later");
        }
        Page<ReportingGap> found =
                Page.of(service.gaps(from, to, blank(district), blank(operator), caller.actor()), page);
        return new ReportingGapPageView(from, to, found.items(), found.page(), found.size(), found.total());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
