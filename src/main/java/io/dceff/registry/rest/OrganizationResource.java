package io.dceff.registry.rest;

import io.dceff.platform.paging.Page;
import io.dceff.platform.paging.PageRequest;
import io.dceff.platform.security.Caller;
import io.dceff.platform.security.Roles;
import io.dceff.registry.OrganizationKind;
import io.dceff.registry.service.OrganizationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "Operators and carriers, registered by admins and regulators.")
public class OrganizationResource {

    @Inject
    OrganizationService service;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.REGULATOR})
    @Operation(
            operationId = "createOrganization",
            summary = "Register an operator or carrier",
            description =
                    "Admins and regulators. 400 when the credit code's check digit is wrong; 409 when the code or credit code exists.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "409", description = "The code or the credit code is registered already")
    public Response create(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = OrganizationRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "operator",
                                                            value =
                                                                    "{\"code\": \"OP-DEMO\", \"name\": \"Demo Data Services Co.\", \"kind\": \"OPERATOR\", "
                                                                            + "\"creditCode\": \"91310000MA1FL0A65P\"}")))
                    @Valid @NotNull OrganizationRequest request,
            UriInfo uri) {
        OrganizationView created = OrganizationView.of(service.create(request.details(), caller.actor()));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.code()).build())
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.CARRIER, Roles.REGULATOR, Roles.ADMIN})
    @Operation(
            operationId = "listOrganizations",
            summary = "List organizations",
            description = "Any role (carriers need each other's codes for sharing).")
    public Page<OrganizationView> list(
            @Parameter(description = "only operators or only carriers") @QueryParam("kind") OrganizationKind kind,
            @Valid @BeanParam PageRequest page) {
        return service.list(kind, page).map(OrganizationView::of);
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.OPERATOR, Roles.CARRIER, Roles.REGULATOR, Roles.ADMIN})
    @Operation(operationId = "getOrganization", summary = "One organization", description = "Any role.")
    public OrganizationView get(@Parameter(description = "organization code") @PathParam("code") String code) {
        return OrganizationView.of(service.get(code));
    }
}
