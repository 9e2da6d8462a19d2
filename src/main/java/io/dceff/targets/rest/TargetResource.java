package io.dceff.targets.rest;

import io.dceff.platform.security.Roles;
import io.dceff.targets.TargetResult;
import io.dceff.targets.TargetStatus;
import io.dceff.targets.TargetsOfYear;
import io.dceff.targets.service.TargetService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Targets",
        description = "The plan's targets to 2025-12-31, measured as of a year's end (or today). " + "Regulators.")
@RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
public class TargetResource {

    /** One target's actual in every year of the plan period. */
    public record TargetYearsView(String id, String name, String unit, BigDecimal target, List<YearActual> years) {}

    public record YearActual(
            int year,

            @Schema(nullable = true, description = "null when there is no figure")
            BigDecimal actual,

            @Schema(nullable = true) TargetStatus status) {}

    @Inject
    TargetService service;

    @Inject
    Clock clock;

    @GET
    @Operation(
            operationId = "getTargets",
            summary = "The plan's targets in a year",
            description = "WASTE_HEAT_REUSE_DCS, ZERO_CARBON_DCS, NEW_BASE_STATION_SHARING, ANNUAL_ENERGY_SAVING and "
                    + "CLOSURE_PROGRESS, each with its definition, target, actual, progress (actual ÷ target), status "
                    + "(MET when reached; NO_BASELINE without a figure; after the deadline MISSED; before it ON_TRACK "
                    + "when progress ≥ the share of the plan period elapsed, else BEHIND), deadline and the data centers "
                    + "or counts behind the figure. Every figure is measured at the year's end (today in the current "
                    + "year) from the facts in force then: nothing recorded later with a later date changes it. year "
                    + "defaults to this year and may not be a later one; district narrows every figure to one district "
                    + "(closure progress: all of the district's candidates); assessment chooses the baseline of "
                    + "closure progress (default the first stored assessment as of the measuring date). Regulators.")
    public TargetsView targets(
            @Parameter(description = "the year measured; default this year, never a later one") @QueryParam("year")
                    Integer year,
            @Parameter(description = "only this district (6-digit code)") @QueryParam("district") String district,
            @Parameter(
                            description =
                                    "id of the assessment that is the baseline of closure progress; default the first "
                                            + "stored assessment as of the measuring date")
                    @QueryParam("assessment")
                    Long assessment) {
        return TargetsView.of(
                service.targets(year == null ? LocalDate.now(clock).getYear() : year, district, assessment));
    }

    @GET
    @Path("years")
    @Operation(
            operationId = "getTargetYears",
            summary = "Each target's actual for every year of the plan period",
            description = "Regulators.")
    public List<TargetYearsView> years(
            @Parameter(description = "only this district (6-digit code)") @QueryParam("district") String district) {
        Map<Integer, TargetsOfYear> byYear = service.years(district);
        TargetsOfYear any = byYear.values().iterator().next();
        return any.items().stream()
                .map(item -> new TargetYearsView(
                        item.id(),
                        item.name(),
                        item.unit(),
                        item.target(),
                        byYear.entrySet().stream()
                                .map(e -> {
                                    TargetResult v = e.getValue().items().stream()
                                            .filter(i -> i.id().equals(item.id()))
                                            .findFirst()
                                            .orElseThrow();
                                    return new YearActual(e.getKey(), v.actual(), v.status());
                                })
                                .toList()))
                .toList();
    }
}
