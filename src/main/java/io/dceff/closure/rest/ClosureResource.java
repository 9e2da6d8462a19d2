package io.dceff.closure.rest;

import io.dceff.closure.ClosureStatus;
import io.dceff.closure.service.ClosureService;
import io.dceff.closure.service.ClosureService.Item;
import io.dceff.closure.service.ClosureService.Run;
import io.dceff.closure.service.DecisionService;
import io.dceff.platform.audit.AuditScope;
import io.dceff.platform.csv.CsvMediaType;
import io.dceff.platform.paging.PageRequest;
import io.dceff.platform.security.Caller;
import io.dceff.platform.security.Roles;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/closure-candidates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Closure candidates",
        description = "The closure rule (小老散旧, 沪经信节〔2022〕167号): candidates and "
                + "sites to watch at a date, receiving sites, decisions, and frozen assessments. Regulators.")
@RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
public class ClosureResource {

    @Inject
    ClosureService service;

    @Inject
    DecisionService decisions;

    @Inject
    Caller caller;

    @Inject
    AuditScope audit;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvMediaType.TEXT_CSV})
    @Operation(
            operationId = "listClosureCandidates",
            summary = "Closure candidates (小老散旧) at a date",
            description = "Operating sites at asOf (default today) meeting all three criteria (CANDIDATE) and sites "
                    + "meeting racks and age with no report in the window (NO_DATA), largest saving first, each with "
                    + "every criterion's value, threshold and outcome, months of data, and the saving if closed in kWh, "
                    + "tce and tCO2 with the factors named. " + ClosurePageView.RULE + " Filters: district, operator, "
                    + "status. text/csv gives every matching item (no paging). Regulators.")
    public ClosurePageView candidates(
            @Parameter(description = "the date the rule is applied at; default today") @QueryParam("asOf")
                    LocalDate asOf,
            @Parameter(description = "only this district (6-digit code)") @QueryParam("district") String district,
            @Parameter(description = "only this operator (organization code)") @QueryParam("operator") String operator,
            @Parameter(
                            description =
                                    "only CANDIDATE or only NO_DATA (WATCH: the watch list); default CANDIDATE and "
                                            + "NO_DATA")
                    @QueryParam("status")
                    ClosureStatus status,
            @Valid @BeanParam PageRequest page,
            HttpHeaders headers) {
        List<ClosureStatus> statuses =
                status == null ? List.of(ClosureStatus.CANDIDATE, ClosureStatus.NO_DATA) : List.of(status);
        return answer(service.asOfOrToday(asOf), district, operator, statuses, page, wantsCsv(headers));
    }

    @GET
    @Path("watch-list")
    @Produces({MediaType.APPLICATION_JSON, CsvMediaType.TEXT_CSV})
    @Operation(
            operationId = "listWatchList",
            summary = "Sites to watch",
            description = "Operating sites meeting two of "
                    + "the three criteria, or turning ten within the next 12 months while meeting the other two. Also as "
                    + "text/csv. Regulators.")
    public ClosurePageView watchList(
            @Parameter(description = "the date the rule is applied at; default today") @QueryParam("asOf")
                    LocalDate asOf,
            @Parameter(description = "only this district (6-digit code)") @QueryParam("district") String district,
            @Parameter(description = "only this operator (organization code)") @QueryParam("operator") String operator,
            @Valid @BeanParam PageRequest page,
            HttpHeaders headers) {
        return answer(
                service.asOfOrToday(asOf), district, operator, List.of(ClosureStatus.WATCH), page, wantsCsv(headers));
    }

    @GET
    @Path("{code}/consolidation")
    @Operation(
            operationId = "listConsolidationOptions",
            summary = "Receiving sites for a candidate",
            description = "Operating sites that are not candidates, with window PUE ≤ receivingMaxPue (1.3) and spare "
                    + "racks (racks − latest racks in use) ≥ the candidate's racks in use (its racks when unknown); same "
                    + "district first, then larger saving (the candidate's annualised IT energy × (its PUE − the "
                    + "receiver's PUE)). 409 when the site is not a candidate. Regulators.")
    @APIResponse(
            responseCode = "200",
            description = "Receiving sites, best first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ConsolidationOptionView.class)))
    @APIResponse(responseCode = "409", description = "The data center is not a closure candidate at asOf")
    public List<ConsolidationOptionView> consolidation(
            @Parameter(description = "code of the candidate data center") @PathParam("code") String code,
            @Parameter(description = "the date the rule is applied at; default today") @QueryParam("asOf")
                    LocalDate asOf) {
        return service.consolidation(code, service.asOfOrToday(asOf)).stream()
                .map(ConsolidationOptionView::of)
                .toList();
    }

    @POST
    @Path("{code}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "recordDecision",
            summary = "Record a decision on a candidate",
            description =
                    "CLOSE, MERGE (into receivingSite), CONVERT or RETIRE, with dates and a note. The data center "
                            + "becomes CONSOLIDATING, and with completedOn CLOSED (OPERATING again after a conversion); every "
                            + "step is kept in its status history. Regulators.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location lists the data center's decisions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "409", description = "The data center's status does not allow this decision")
    public Response decide(
            @Parameter(description = "code of the data center decided on") @PathParam("code") String code,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = DecisionRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "merge",
                                                            value =
                                                                    "{\"action\": \"MERGE\", \"receivingSite\": \"SH-DC-E11\", \"decidedOn\": "
                                                                            + "\"2026-11-01\", \"dueOn\": \"2027-06-30\", \"note\": \"move to the Putuo campus\"}")))
                    @Valid @NotNull DecisionRequest request,
            UriInfo uri) {
        if (request.receivingSite() != null) {
            audit.touched(request.receivingSite()); // a merge changes the receiving site's story too
        }
        DecisionView decision = DecisionView.of(decisions.record(code, request.decision(), caller.actor()));
        return Response.created(uri.getAbsolutePath()).entity(decision).build();
    }

    @GET
    @Path("{code}/decisions")
    @Operation(
            operationId = "listDecisions",
            summary = "Decisions on a data center, oldest first",
            description = "Regulators.")
    public List<DecisionView> decisions(@Parameter(description = "data-center code") @PathParam("code") String code) {
        return decisions.list(code, caller.actor()).stream()
                .map(DecisionView::of)
                .toList();
    }

    private ClosurePageView answer(
            LocalDate asOf,
            String district,
            String operator,
            List<ClosureStatus> statuses,
            PageRequest page,
            boolean all) {
        Run run = service.run(asOf);
        List<Item> matching = run.items().stream()
                .filter(i -> statuses.contains(i.evaluation().status()))
                .filter(i ->
                        district == null || district.equals(i.site().facts().district()))
                .filter(i -> operator == null || operator.equals(i.site().operatorCode()))
                .toList();
        int from = all ? 0 : Math.min(matching.size(), page.offset());
        int to = all ? matching.size() : Math.min(matching.size(), from + page.size);
        return ClosurePageView.of(
                run,
                matching.subList(from, to),
                all ? 0 : page.page,
                all ? matching.size() : page.size,
                matching.size());
    }

    /** CSV when the caller prefers it: the first acceptable type (by quality, then order) that names CSV or JSON. */
    private static boolean wantsCsv(HttpHeaders headers) {
        MediaType csv = MediaType.valueOf(CsvMediaType.TEXT_CSV);
        return headers.getAcceptableMediaTypes().stream()
                .filter(m -> !m.isWildcardType())
                .filter(m -> m.isCompatible(csv) || m.isCompatible(MediaType.APPLICATION_JSON_TYPE))
                .findFirst()
                .map(m -> m.isCompatible(csv) && !m.isWildcardSubtype())
                .orElse(false);
    }
}
