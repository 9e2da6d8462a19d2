package io.dceff.reporting.rest;

import io.dceff.platform.idempotency.Idempotency;
import io.dceff.platform.paging.Page;
import io.dceff.platform.paging.PageRequest;
import io.dceff.platform.security.Caller;
import io.dceff.platform.security.Roles;
import io.dceff.reporting.service.EnergyReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/data-centers/{code}/energy-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Energy reports",
        description = "Monthly energy of each data center: one report per month, "
                + "corrections as revisions (every revision kept), batches in JSON or CSV, reminders. Operators submit for "
                + "their own data centers.")
@RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
public class EnergyReportResource {

    @Inject
    EnergyReportService service;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "submitEnergyReport",
            summary = "Submit a month's report",
            description = "201 with the stored report, its PUE and revision 1. 409 when the month is already reported "
                    + "(correct it with PUT). 400 when itKwh ≤ 0, facilityKwh < itKwh, a figure is negative, the month "
                    + "is in the future or before the month of commissioning, reusedKwh or renewableKwh exceed "
                    + "facilityKwh, or racksInUse exceeds the racks. Data-quality flags never reject a report. "
                    + "Operators: their own data centers only.")
    @APIResponse(
            responseCode = "201",
            description = "Stored as revision 1; Location lists the month's revisions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EnergyReportView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The month is already reported (correct it with PUT), or a "
                    + "request with the same Idempotency-Key is still running")
    public Response submit(
            @Parameter(description = "data-center code") @PathParam("code") String code,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = EnergyReportRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "September",
                                                            value = EnergyReportRequest.EXAMPLE)))
                    @Valid @NotNull EnergyReportRequest request,
            UriInfo uri,
            @Parameter(description = Idempotency.DESCRIPTION) @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(key, caller.subject(), "POST " + uri.getPath(), idempotency.bytesOf(request), () -> {
            EnergyReportView created =
                    EnergyReportView.of(code, service.submit(code, request.figures(), caller.actor()));
            return Response.created(uri.getAbsolutePathBuilder()
                            .path(created.period().toString())
                            .path("revisions")
                            .build())
                    .entity(created)
                    .build();
        });
    }

    @PUT
    @Path("{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "correctEnergyReport",
            summary = "Correct a month's report",
            description = "Stores revision n+1 and keeps every earlier revision; the body's period must be the "
                    + "path's. 404 when the month has no report. The same checks as a new report.")
    public EnergyReportView correct(
            @Parameter(description = "data-center code") @PathParam("code") String code,
            @Parameter(description = "the month corrected, YYYY-MM") @PathParam("period") YearMonth period,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = EnergyReportRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "meter re-read",
                                                            value = EnergyReportRequest.CORRECTION)))
                    @Valid @NotNull EnergyReportRequest request) {
        return EnergyReportView.of(code, service.correct(code, period, request.figures(), caller.actor()));
    }

    @GET
    @Operation(
            operationId = "listEnergyReports",
            summary = "Reports of a data center",
            description = "The latest revision of each month in [from, to], oldest first. Operators: their own data "
                    + "centers only.")
    public Page<EnergyReportView> list(
            @Parameter(description = "data-center code") @PathParam("code") String code,
            @Parameter(description = "first month, YYYY-MM") @QueryParam("from") YearMonth from,
            @Parameter(description = "last month, YYYY-MM") @QueryParam("to") YearMonth to,
            @Valid @BeanParam PageRequest page) {
        return service.list(code, from, to, page, caller.actor()).map(r -> EnergyReportView.of(code, r));
    }

    @GET
    @Path("{period}/revisions")
    @Operation(
            operationId = "listEnergyReportRevisions",
            summary = "Every revision of a month, oldest first",
            description = "Revision 1 is the report as first submitted; each correction adds one. Operators: their own "
                    + "data centers only.")
    public List<EnergyReportView> revisions(
            @Parameter(description = "data-center code") @PathParam("code") String code,
            @Parameter(description = "the month, YYYY-MM") @PathParam("period") YearMonth period) {
        return service.revisions(code, period, caller.actor()).stream()
                .map(r -> EnergyReportView.of(code, r))
                .toList();
    }
}
