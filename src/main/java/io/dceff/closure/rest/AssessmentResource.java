package io.dceff.closure.rest;

import io.dceff.closure.service.AssessmentService;
import io.dceff.platform.security.Caller;
import io.dceff.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import io.dceff.platform.idempotency.Idempotency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Closure candidates")
@RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
public class AssessmentResource {

    /** {@code {"asOf": "2025-06-30"}}; asOf defaults to today. */
    public record AssessmentRequest(LocalDate asOf) {
    }

    @Inject
    AssessmentService service;

    @Inject
    io.dceff.closure.service.ClosureService closure;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run and freeze an assessment",
            description = "Runs the closure rule at asOf and stores the answer as given (thresholds, window, factors, "
                    + "every candidate and NO_DATA site with its evidence) and the report revisions it used. GET returns "
                    + "it unchanged forever. Regulators.")
    public Response create(@Valid @NotNull AssessmentRequest request, UriInfo uri,
            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(key, caller.subject(), "POST " + uri.getPath(), idempotency.bytesOf(request), () -> {
            AssessmentService.Stored stored = service.create(closure.asOfOrToday(request.asOf()), caller.actor());
            return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(stored.id())).build())
                    .entity(stored.answerJson()).type(MediaType.APPLICATION_JSON).build();
        });
    }

    @GET
    @Operation(summary = "Past assessments, newest first")
    public List<AssessmentService.Summary> list() {
        return service.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An assessment, exactly as it was frozen")
    public Response get(@PathParam("id") long id) {
        return Response.ok(service.get(id).answerJson(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{id}/revisions")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The report revisions an assessment used", description = "One dataCenterId:YYYY-MM:revision per line.")
    public String revisions(@PathParam("id") long id) {
        return service.revisions(id);
    }
}
