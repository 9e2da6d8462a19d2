package io.dceff.registry.rest;

import io.dceff.platform.audit.AuditTrail;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.security.Roles;
import io.dceff.registry.DataCenter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A data center's audit trail: the trail is the platform's, the data center and its endpoint the registry's. */
@Path("/api/v1/data-centers/{code}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data centers")
@RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
public class AuditResource {

    @Inject
    AuditTrail trail;

    @GET
    @Operation(
            operationId = "listDataCenterAuditEvents",
            summary = "The audit trail of a data center, newest first",
            description = "Every write that touched it (registration, updates, status changes, reports, corrections, "
                    + "batches naming it, ratings, decisions): who (subject, organization, roles), when, what "
                    + "(method, path, status) and the request id (X-Request-Id). Regulators.")
    public List<AuditTrail.Event> trail(
            @Parameter(description = "data-center code") @PathParam("code") String code,
            @Parameter(description = "at most this many events, 1–1000")
                    @QueryParam("limit")
                    @DefaultValue("200")
                    @Min(1) @Max(1000) int limit) {
        if (DataCenter.count("code", code) == 0) {
            throw ProblemException.notFound("Data center", code);
        }
        return trail.forDataCenter(code, limit);
    }
}
