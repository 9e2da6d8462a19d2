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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations")
public class OrganizationResource {

    @Inject
    OrganizationService service;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.REGULATOR})
    @Operation(summary = "Register an operator or carrier",
            description = "Admins and regulators. 400 when the credit code's check digit is wrong; 409 when the code or credit code exists.")
    public Response create(@Valid @NotNull OrganizationRequest request, UriInfo uri) {
        OrganizationView created = OrganizationView.of(service.create(request, caller.actor()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.CARRIER, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "List organizations", description = "Any role (carriers need each other's codes for sharing).")
    public Page<OrganizationView> list(@QueryParam("kind") OrganizationKind kind, @Valid @BeanParam PageRequest page) {
        return service.list(kind, page).map(OrganizationView::of);
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.OPERATOR, Roles.CARRIER, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "One organization")
    public OrganizationView get(@PathParam("code") String code) {
        return OrganizationView.of(service.get(code));
    }
}
