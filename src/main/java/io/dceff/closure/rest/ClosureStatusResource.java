package io.dceff.closure.rest;

import io.dceff.closure.ClosureStatus;
import io.dceff.closure.service.ClosureService;
import io.dceff.closure.service.ClosureService.Run;
import io.dceff.closure.service.ClosureService.Standing;
import io.dceff.platform.security.Caller;
import io.dceff.platform.security.Roles;
import io.dceff.registry.service.DataCenterService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where one data center stands against the closure rule, for its operator as for the regulator. */
@Path("/api/v1/data-centers/{code}/closure-status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Closure candidates")
@RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
public class ClosureStatusResource {

    @Inject
    ClosureService service;

    @Inject
    DataCenterService dataCenters;

    @Inject
    Caller caller;

    /**
     * @param status    CANDIDATE, NO_DATA, WATCH or NONE (not operating at asOf, or far from the rule)
     * @param pueToLeave the window PUE at or below which the site no longer meets the PUE criterion (the
     *                  threshold; comparisons are on unrounded values), when the PUE criterion is what holds it
     * @param candidate  every criterion's value, threshold and outcome, when the site is evaluated
     */
    public record ClosureStatusView(
            String code,
            LocalDate asOf,
            ClosurePageView.Window window,
            ClosureStatus status,
            @Schema(nullable = true) BigDecimal pueToLeave,
            @Schema(nullable = true) ClosureCandidateView candidate) {}

    @GET
    @Operation(
            operationId = "getClosureStatus",
            summary = "A data center's standing against the closure rule",
            description = "CANDIDATE, NO_DATA, WATCH (the watch-list) or NONE at asOf (default today), with every "
                    + "criterion's evidence and, when the PUE criterion holds it there, the window PUE to reach to "
                    + "leave it. " + ClosurePageView.RULE + " Operators: their own data centers.")
    public ClosureStatusView status(
            @Parameter(description = "data-center code") @PathParam("code") String code,
            @Parameter(description = "the day the rule is applied as of, YYYY-MM-DD; today when absent")
                    @QueryParam("asOf")
                    LocalDate asOf) {
        dataCenters.require(code, caller.actor());
        Standing standing = service.standing(code, service.asOfOrToday(asOf));
        Run run = standing.run();
        return new ClosureStatusView(
                code,
                run.asOf(),
                new ClosurePageView.Window(run.window().first(), run.window().last()),
                standing.status(),
                standing.pueToLeave(),
                standing.item() == null ? null : ClosureCandidateView.of(standing.item(), run.factors()));
    }
}
