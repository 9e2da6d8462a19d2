package io.dceff.closure.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dceff.closure.ClosureStatus;
import io.dceff.closure.service.ClosureService;
import io.dceff.closure.service.ClosureService.Run;
import io.dceff.platform.csv.CsvDownload;
import io.dceff.platform.csv.CsvMediaType;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dashboard's downloads: the candidate table as the regulator sees it, as a file to keep or send on. */
@Path("/api/v1/closure-candidates/export")
@Tag(name = "Closure candidates")
@RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
public class ClosureExportResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ClosureService service;

    @Inject
    ObjectMapper json;

    @GET
    @Produces({CsvMediaType.TEXT_CSV, XLSX})
    @APIResponse(
            responseCode = "200",
            description = "the file, with a Content-Disposition file name",
            content = {
                @Content(
                        mediaType = CsvMediaType.TEXT_CSV,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        format = "binary",
                                        description =
                                                "UTF-8 CSV with a byte order mark and a header row; the columns of the list's text/csv answer")),
                @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @Operation(
            operationId = "exportClosureCandidates",
            summary = "Download the closure candidates as shown",
            description = "Every matching site (no paging) as an attachment with a file name: format=csv (UTF-8 with "
                    + "a byte order mark, the columns of the text/csv answer) or format=xlsx (header rows with the date, "
                    + "window, rule, thresholds, factors and selection). Filters as the list (district, operator, "
                    + "status; status WATCH gives the watch list), plus q (code, name or operator contains it) and sort "
                    + "(" + CandidateSelection.SORT_KEYS + "; -key descending). Regulators.")
    public Response export(
            @Parameter(description = "csv or xlsx") @QueryParam("format") @DefaultValue("csv") String format,
            @Parameter(description = "YYYY-MM-DD, default today") @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "only this district (6-digit code)") @QueryParam("district") String district,
            @Parameter(description = "only this operator's sites (organization code)") @QueryParam("operator")
                    String operator,
            @Parameter(description = "CANDIDATE, NO_DATA or WATCH (the watch list); default CANDIDATE and NO_DATA")
                    @QueryParam("status")
                    ClosureStatus status,
            @Parameter(description = "only sites whose code, name or operator contains this text") @QueryParam("q")
                    String text,
            @Parameter(description = "the sort key, - for descending (e.g. -saving)") @QueryParam("sort") String sort) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw ProblemException.invalid("format", "must be csv or xlsx");
        }
        if (status == ClosureStatus.NONE) {
            throw ProblemException.invalid("status", "must be CANDIDATE, NO_DATA or WATCH");
        }
        CandidateSelection selection = CandidateSelection.of(text, sort);
        LocalDate date = service.asOfOrToday(asOf);
        List<ClosureStatus> statuses =
                status == null ? List.of(ClosureStatus.CANDIDATE, ClosureStatus.NO_DATA) : List.of(status);
        Run run = service.run(date);
        List<ClosureCandidateView> items = selection.apply(
                run.items().stream()
                        .filter(i -> statuses.contains(i.evaluation().status()))
                        .filter(i -> district == null
                                || district.isBlank()
                                || district.equals(i.site().facts().district()))
                        .filter(i -> operator == null
                                || operator.isBlank()
                                || operator.equals(i.site().operatorCode()))
                        .toList(),
                run.factors());
        ClosurePageView answer = new ClosurePageView(
                date,
                new ClosurePageView.Window(run.window().first(), run.window().last()),
                run.thresholds(),
                run.factors().all(),
                ClosurePageView.RULE,
                items,
                0,
                items.size(),
                items.size());
        String name = Stream.of(
                                status == ClosureStatus.WATCH ? "watch-list" : "closure-candidates",
                                date.toString(),
                                blankToNull(district),
                                blankToNull(operator),
                                status == null || status == ClosureStatus.WATCH ? null : status.name())
                        .filter(s -> s != null)
                        .collect(Collectors.joining("-"))
                + "." + format;
        String describe = "district " + orAll(district) + "; operator " + orAll(operator) + "; status "
                + (status == null ? "CANDIDATE, NO_DATA" : status.name()) + "; " + selection.describe();
        StreamingOutput body = format.equals("csv")
                ? out -> CsvDownload.write(json, answer, out)
                : out -> CandidateWorkbook.write(answer, describe, out);
        return Response.ok(body, format.equals("csv") ? CsvMediaType.TEXT_CSV + ";charset=UTF-8" : XLSX)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String orAll(String s) {
        return s == null || s.isBlank() ? "all" : s;
    }
}
