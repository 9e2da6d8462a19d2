package io.dceff.platform.jobs;

import io.dceff.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/job-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "The service's own scheduled work, for the people who run it.")
@RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
public class JobRunResource {

    @Inject
    JobLease lease;

    @GET
    @Operation(
            operationId = "listJobRuns",
            summary = "Runs of the scheduled jobs, newest first",
            description = "One row per job and month: the replica that ran it, when, how many attempts (more than one "
                    + "when a replica died and another took its expired lease over) and the outcome. Regulators.")
    public List<JobLease.JobRunView> runs(
            @Parameter(description = "only this job, e.g. reporting-reminders") @QueryParam("job") String job) {
        return lease.runs(job);
    }
}
