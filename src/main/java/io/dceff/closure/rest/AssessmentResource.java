package io.dceff.closure.rest;

import io.dceff.closure.service.AssessmentService;
import io.dceff.closure.service.ClosureService;
import io.dceff.platform.idempotency.Idempotency;
import io.dceff.platform.security.Caller;
import io.dceff.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Closure candidates")
@RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
public class AssessmentResource {

    /** {@code {"asOf": "2025-06-30"}}; asOf defaults to today. */
    public record AssessmentRequest(
            @Schema(description = "the date the closure rule is run at; default today")
            LocalDate asOf) {}

    @Inject
    AssessmentService service;

    @Inject
    ClosureService closure;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createAssessment",
            summary = "Run and freeze an assessment",
            description = "Runs the closure rule at asOf and stores the answer as given (thresholds, window, factors, "
                    + "every candidate and NO_DATA site with its evidence) and the report revisions it used. GET returns "
                    + "it unchanged forever. Regulators.")
    @APIResponse(
            responseCode = "201",
            description = "Frozen; Location is the assessment",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssessmentView.class)))
    public Response create(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = AssessmentRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "end of October",
                                                            value = "{\"asOf\": \"2026-10-31\"}")))
                    @Valid @NotNull AssessmentRequest request,
            UriInfo uri,
            @Parameter(description = Idempotency.DESCRIPTION) @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(key, caller.subject(), "POST " + uri.getPath(), idempotency.bytesOf(request), () -> {
            AssessmentService.Stored stored =
                    service.create(closure.asOfOrToday(request.asOf()), ClosurePageView::whole, caller.actor());
            return Response.created(uri.getAbsolutePathBuilder()
                            .path(Long.toString(stored.id()))
                            .build())
                    .entity(stored.answerJson())
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        });
    }

    @GET
    @Operation(
            operationId = "listAssessments",
            summary = "Past assessments, newest first",
            description = "Each with its asOf, when and by whom it was frozen, and its counts. Regulators.")
    public List<AssessmentSummary> list() {
        return service.list().stream().map(AssessmentSummary::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "getAssessment",
            summary = "An assessment, exactly as it was frozen",
            description = "The same answer forever, whatever was submitted or corrected later. Regulators.")
    @APIResponse(
            responseCode = "200",
            description = "The frozen assessment",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssessmentView.class)))
    public Response get(
            @Parameter(description = "assessment id (from its Location or the list)") @PathParam("id") long id) {
        return Response.ok(service.get(id).answerJson(), MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("{id}/revisions")
    @Operation(
            operationId = "listAssessmentRevisions",
            summary = "The report revisions an assessment used",
            description = "For each data center and month of the window, the revision of its report that the "
                    + "assessment read, by data-center code and month. Regulators.")
    public List<AssessmentRevision> revisions(@Parameter(description = "assessment id") @PathParam("id") long id) {
        return service.revisions(id).stream().map(AssessmentRevision::of).toList();
    }
}
