package io.dceff.stations.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dceff.platform.csv.CsvMediaType;
import io.dceff.platform.csv.TableUpload;
import io.dceff.platform.csv.XlsxUpload;
import io.dceff.platform.idempotency.Idempotency;
import io.dceff.platform.json.JsonRows;
import io.dceff.platform.paging.Page;
import io.dceff.platform.paging.PageRequest;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.security.Caller;
import io.dceff.platform.security.Roles;
import io.dceff.platform.validation.RowValidator;
import io.dceff.stations.StationLine;
import io.dceff.stations.service.BaseStationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/base-stations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Base stations",
        description = "Carriers' base stations and the sharing of new builds (target: "
                + "100% of new base stations shared).")
public class BaseStationResource {

    static final Set<String> COLUMNS = Set.of("siteId", "district", "technology", "builtOn", "sharedWith");
    static final Set<String> REQUIRED = Set.of("siteId", "district", "technology", "builtOn");

    @Inject
    BaseStationService service;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    ObjectMapper json;

    @Inject
    RowValidator validator;

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CARRIER)
    @Operation(
            operationId = "submitBaseStationBatch",
            summary = "Report base stations (JSON array, CSV or XLSX)",
            description = "Carriers only; the carrier is the token's org claim, never a field. Upsert by (carrier, "
                    + "siteId): a known site is updated, not duplicated. All or nothing: the 400 names every bad row "
                    + "(1-based) and field: unknown district or technology, builtOn in the future, sharedWith naming "
                    + "an unknown carrier or the reporter. Answers the counts of new and updated sites. As text/csv: "
                    + "UTF-8 with a header row: siteId, district, technology, builtOn (YYYY-MM-DD), sharedWith (other "
                    + "carriers' codes separated by ';', empty when not shared), read as a stream, up to 25 MB. As XLSX: "
                    + "the first sheet with the same columns (the template's Chinese and English headers are accepted), "
                    + "read as a stream; an encrypted or malformed workbook is a 400, one that expands beyond its "
                    + "limits a 413.")
    @APIResponse(
            responseCode = "200",
            description = "Stored whole",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BaseStationBatchResult.class)))
    public Response json(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema =
                                                    @Schema(
                                                            type = SchemaType.ARRAY,
                                                            implementation = BaseStationRow.class),
                                            examples =
                                                    @ExampleObject(name = "two sites", value = BaseStationRow.EXAMPLE)))
                    JsonNode body,
            @Context UriInfo uri,
            @Parameter(description = Idempotency.DESCRIPTION) @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(
                key,
                caller.subject(),
                "POST " + uri.getPath(),
                idempotency.bytesOf(body),
                () -> store(
                        carrier(),
                        JsonRows.read(body, BaseStationRow.class, json).stream()
                                .map(r -> r.line(validator))
                                .toList()));
    }

    @POST
    @Path("batch")
    @Consumes({CsvMediaType.TEXT_CSV, CsvMediaType.APPLICATION_CSV, XlsxUpload.MEDIA_TYPE})
    @RolesAllowed(Roles.CARRIER)
    @Operation(operationId = "submitBaseStationBatch")
    @APIResponse(
            responseCode = "200",
            description = "Stored whole",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BaseStationBatchResult.class)))
    public Response table(
            // the CSV rows; ContractFilter adds the same body as application/csv and as an XLSX workbook
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = CsvMediaType.TEXT_CSV,
                                            schema = @Schema(type = SchemaType.STRING),
                                            examples =
                                                    @ExampleObject(
                                                            name = "one shared site",
                                                            value = BaseStationRow.CSV_EXAMPLE)))
                    InputStream body,
            @Context UriInfo uri,
            @Parameter(description = Idempotency.DESCRIPTION) @HeaderParam(Idempotency.HEADER) String key,
            @Context HttpHeaders headers) {
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String carrier = carrier();
        return idempotency.onceStreaming(key, caller.subject(), "POST " + uri.getPath(), body, in -> {
            List<StationLine> rows = new ArrayList<>();
            TableUpload.read(
                    contentType,
                    in,
                    BaseStationCsvRow.class,
                    COLUMNS,
                    REQUIRED,
                    json,
                    r -> rows.add(r.row().line(validator)));
            return store(carrier, rows);
        });
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvMediaType.TEXT_CSV})
    @RolesAllowed({Roles.CARRIER, Roles.REGULATOR, Roles.ADMIN})
    @Operation(
            operationId = "listBaseStations",
            summary = "List base stations",
            description = "Carriers see their own; regulators all, also as text/csv.")
    public Page<BaseStationView> list(
            @Parameter(description = "only this carrier (organization code)") @QueryParam("carrier") String carrier,
            @Parameter(description = "only this district (6-digit code)") @QueryParam("district") String district,
            @Parameter(description = "only sites built in this year") @QueryParam("builtYear") Integer builtYear,
            @Parameter(description = "only shared (true) or only unshared (false) sites") @QueryParam("shared")
                    Boolean shared,
            @Valid @BeanParam PageRequest page) {
        return service.list(carrier, district, builtYear, shared, caller.actor(), page)
                .map(BaseStationView::of);
    }

    @GET
    @Path("sharing")
    @RolesAllowed({Roles.CARRIER, Roles.REGULATOR, Roles.ADMIN})
    @Operation(
            operationId = "getBaseStationSharing",
            summary = "New-build sharing rates of a year",
            description = "Sites built in the year, how many are shared (another carrier on the site) and the rate "
                    + "(shared ÷ new builds, 0–1), overall and by district or carrier. Regulators: every carrier's, "
                    + "or one carrier's; carriers: their own only (403 for another's).")
    public SharingView sharing(
            @Parameter(description = "the year the sites were built", required = true)
                    @QueryParam("year")
                    @NotNull @Min(1990) @Max(2100) Integer year,
            @Parameter(
                            description = "rates by district or by carrier",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"district", "carrier"},
                                            defaultValue = "district"))
                    @QueryParam("groupBy")
                    @DefaultValue("district")
                    String groupBy,
            @Parameter(description = "only this carrier (organization code); a carrier's own by default")
                    @QueryParam("carrier")
                    String carrier) {
        return new SharingView(
                year,
                groupBy,
                service.overall(year, carrier, caller.actor()),
                service.sharing(year, groupBy, carrier, caller.actor()));
    }

    @GET
    @Path("unshared")
    @Produces({MediaType.APPLICATION_JSON, CsvMediaType.TEXT_CSV})
    @RolesAllowed({Roles.REGULATOR, Roles.ADMIN})
    @Operation(
            operationId = "listUnsharedBaseStations",
            summary = "The year's new base stations that are not shared",
            description = "Regulators; also as text/csv.")
    public Page<BaseStationView> unshared(
            @Parameter(description = "the year the sites were built", required = true)
                    @QueryParam("year")
                    @NotNull @Min(1990) @Max(2100) Integer year,
            @Parameter(description = "only this district (6-digit code)") @QueryParam("district") String district,
            @Parameter(description = "only this carrier (organization code)") @QueryParam("carrier") String carrier,
            @Valid @BeanParam PageRequest page) {
        return service.list(carrier, district, year, false, caller.actor(), page)
                .map(BaseStationView::of);
    }

    private Response store(String carrier, List<StationLine> rows) {
        return Response.ok(BaseStationBatchResult.of(service.upsert(carrier, rows, caller.actor())))
                .build();
    }

    private String carrier() {
        return caller.organization()
                .orElseThrow(() -> ProblemException.forbidden("Your token names no organization (the \"org\" claim)"));
    }
}
