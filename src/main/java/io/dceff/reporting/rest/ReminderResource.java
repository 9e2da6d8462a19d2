package io.dceff.reporting.rest;

import io.dceff.platform.security.Caller;
import io.dceff.platform.security.Roles;
import io.dceff.reporting.service.ReportingReminders;
import io.dceff.reporting.service.ReportingReminders.Reminder;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reporting-reminders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Energy reports")
@RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
public class ReminderResource {

    @Inject
    ReportingReminders reminders;

    @Inject
    Caller caller;

    @GET
    @Operation(
            operationId = "listReportingReminders",
            summary = "Data centers reminded to report a month",
            description = "Written once per cluster by the scheduled job reporting-reminders after the month's due day "
                    + "(dceff.jobs.reports-due-day of the following month, default the 15th): every operating or "
                    + "consolidating data center commissioned by the month's end without a report for it. Operators "
                    + "see their own; regulators all.")
    public List<Reminder> list(
            @Parameter(description = "the month reminded about, YYYY-MM", required = true)
                    @QueryParam("period")
                    @NotNull YearMonth period) {
        return reminders.list(period, caller.actor());
    }
}
