package io.dceff.registry.rest;

import io.dceff.platform.audit.AuditScope;
import io.dceff.platform.csv.CsvMediaType;
import io.dceff.platform.paging.Page;
import io.dceff.platform.paging.PageRequest;
import io.dceff.platform.security.Caller;
import io.dceff.platform.security.Roles;
import io.dceff.registry.DataCenterStatus;
import io.dceff.registry.service.DataCenterService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/data-centers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Data centers",
        description = "The registry of data centers: registration, updates, status history "
                + "and the audit trail. Operators manage their own; regulators and admins see all.")
public class DataCenterResource {

    @Inject
    DataCenterService service;

    @Inject
    AuditScope audit;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(
            operationId = "createDataCenter",
            summary = "Register a data center",
            description =
                    "Operators register under their own operatorCode only (403 otherwise). 409 when the code exists.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DataCenterView.class)))
    @APIResponse(responseCode = "409", description = "A data center with this code exists")
    public Response create(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = DataCenterRequest.class),
                                            examples =
                                                    @ExampleObject(name = "site", value = DataCenterRequest.EXAMPLE)))
                    @Valid @NotNull DataCenterRequest request,
            UriInfo uri) {
        audit.touched(request.code());
        DataCenterView created = DataCenterView.of(service.create(request.details(), caller.actor()));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.code()).build())
                .entity(created)
                .build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvMediaType.TEXT_CSV})
    @RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(
            operationId = "listDataCenters",
            summary = "List data centers",
            description = "Filters by district code, operator code and status. Operators see only their own. "
                    + "Answers text/csv too (Accept: text/csv).")
    public Page<DataCenterView> list(
            @Parameter(description = "6-digit district code") @QueryParam("district") String district,
            @Parameter(description = "operator organization code") @QueryParam("operator") String operator,
            @Parameter(description = "current status") @QueryParam("status") DataCenterStatus status,
            @Valid @BeanParam PageRequest page) {
        return service.list(district, operator, status, caller.actor(), page).map(DataCenterView::of);
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(
            operationId = "getDataCenter",
            summary = "One data center",
            description = "Operators: their own only (403).")
    public DataCenterView get(@Parameter(description = "data-center code") @PathParam("code") String code) {
        return DataCenterView.of(service.require(code, caller.actor()));
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(
            operationId = "updateDataCenter",
            summary = "Update a data center",
            description = "The whole record; the code cannot change. A different status is recorded in the status "
                    + "history with statusNote. Operators: their own only.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DataCenterView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Someone else changed the data center at the same time; read it " + "again and retry")
    public DataCenterView update(
            @Parameter(description = "data-center code") @PathParam("code") String code,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = DataCenterRequest.class),
                                            examples =
                                                    @ExampleObject(name = "site", value = DataCenterRequest.EXAMPLE)))
                    @Valid @NotNull DataCenterRequest request) {
        return DataCenterView.of(service.update(code, request.details(), caller.actor()));
    }

    @POST
    @Path("{code}/status-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(
            operationId = "changeDataCenterStatus",
            summary = "Change the status",
            description = "Recorded with who, when (effectiveOn, default today) and why. Answers the data center with "
                    + "its new status; Location is its status history.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DataCenterView.class)))
    public Response changeStatus(
            @Parameter(description = "data-center code") @PathParam("code") String code,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = StatusChangeRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "consolidating",
                                                            value =
                                                                    "{\"status\": \"CONSOLIDATING\", \"effectiveOn\": "
                                                                            + "\"2026-11-01\", \"note\": \"merger into SH-DC-E11 decided\"}")))
                    @Valid @NotNull StatusChangeRequest request,
            UriInfo uri) {
        DataCenterView changed = DataCenterView.of(
                service.changeStatus(code, request.status(), request.effectiveOn(), request.note(), caller.actor()));
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/v1/data-centers")
                        .path(code)
                        .path("status-history")
                        .build())
                .entity(changed)
                .build();
    }

    @GET
    @Path("{code}/status-history")
    @RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(
            operationId = "listDataCenterStatusHistory",
            summary = "Status history, oldest first",
            description = "Every status change with its date, who made it and why. Operators: their own only.")
    public List<StatusChangeView> history(@Parameter(description = "data-center code") @PathParam("code") String code) {
        return service.history(code, caller.actor()).stream()
                .map(StatusChangeView::of)
                .toList();
    }
}
