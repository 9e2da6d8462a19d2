package io.dceff.reporting.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dceff.platform.audit.AuditScope;
import io.dceff.platform.csv.CsvMediaType;
import io.dceff.platform.csv.TableUpload;
import io.dceff.platform.csv.XlsxUpload;
import io.dceff.platform.idempotency.Idempotency;
import io.dceff.platform.json.JsonRows;
import io.dceff.platform.security.Caller;
import io.dceff.platform.security.Roles;
import io.dceff.platform.validation.RowValidator;
import io.dceff.reporting.ReportLine;
import io.dceff.reporting.service.EnergyReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/energy-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Energy reports")
@RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
public class EnergyReportBatchResource {

    static final Set<String> COLUMNS = Set.of(
            "dataCenterCode",
            "period",
            "facilityKwh",
            "itKwh",
            "renewableKwh",
            "reusedKwh",
            "waterM3",
            "racksInUse",
            "pueCategory");
    static final Set<String> REQUIRED = Set.of("dataCenterCode", "period", "facilityKwh", "itKwh");

    @Inject
    EnergyReportService service;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    Idempotency idempotency;

    @Inject
    AuditScope audit;

    @Inject
    RowValidator validator;

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "submitEnergyReportBatch",
            summary = "Submit many reports (JSON array, CSV or XLSX)",
            description =
                    "Each row is a report with its dataCenterCode. All or nothing: if any row is invalid nothing "
                            + "is stored and the 400 names every bad row (1-based) and field; rows for months already "
                            + "reported give 409 naming them; rows for another operator's data centers give 403. "
                            + "201 with the batch's summary and its flagged rows. As text/csv: UTF-8 with a header row (a BOM "
                            + "is allowed); columns dataCenterCode, period (YYYY-MM), facilityKwh, itKwh (required), "
                            + "renewableKwh, reusedKwh, waterM3, racksInUse, pueCategory; empty cells are absent values; row 1 "
                            + "is the first row after the header. As XLSX: the first sheet, with the same columns in its header row (the "
                            + "template's Chinese and English headers are accepted), read as a stream. Batches may be up "
                            + "to 25 MB; an encrypted or malformed workbook is a 400, one that expands beyond its limits a 413.")
    @APIResponse(
            responseCode = "201",
            description = "Stored whole; Location is the batch",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Rows for months already reported (named in errors[]), or a "
                    + "request with the same Idempotency-Key is still running")
    public Response json(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema =
                                                    @Schema(
                                                            type = SchemaType.ARRAY,
                                                            implementation = BatchReportRow.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "two months",
                                                            value = BatchReportRow.EXAMPLE)))
                    JsonNode body,
            UriInfo uri,
            @Parameter(description = Idempotency.DESCRIPTION) @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(
                key,
                caller.subject(),
                "POST " + uri.getPath(),
                idempotency.bytesOf(body),
                () -> store(JsonRows.read(body, BatchReportRow.class, json), "JSON", uri));
    }

    @POST
    @Path("batch")
    @Consumes({CsvMediaType.TEXT_CSV, CsvMediaType.APPLICATION_CSV, XlsxUpload.MEDIA_TYPE})
    @Operation(operationId = "submitEnergyReportBatch")
    @APIResponse(
            responseCode = "201",
            description = "Stored whole; Location is the batch",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchView.class)))
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
                                                            name = "two months",
                                                            value = BatchReportRow.CSV_EXAMPLE)))
                    InputStream body,
            UriInfo uri,
            @Parameter(description = Idempotency.DESCRIPTION) @HeaderParam(Idempotency.HEADER) String key,
            @Context HttpHeaders headers) {
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return idempotency.onceStreaming(key, caller.subject(), "POST " + uri.getPath(), body, in -> {
            List<BatchReportRow> rows = new ArrayList<>();
            TableUpload.read(contentType, in, BatchReportRow.class, COLUMNS, REQUIRED, json, rows::add);
            return store(rows, TableUpload.format(contentType), uri);
        });
    }

    @GET
    @Path("batches/{id}")
    @Operation(
            operationId = "getEnergyReportBatch",
            summary = "A stored batch: its size, span and flagged rows",
            description = "Operators: their own batches only.")
    public BatchView batch(@Parameter(description = "batch id (from its Location)") @PathParam("id") long id) {
        return BatchView.of(service.batch(id, caller.actor()));
    }

    private Response store(List<BatchReportRow> rows, String format, UriInfo uri) {
        audit.touched(rows.stream()
                .filter(Objects::nonNull)
                .map(BatchReportRow::dataCenterCode)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        List<ReportLine> lines = rows.stream()
                .map(r -> r == null ? ReportLine.EMPTY : r.line(validator))
                .toList();
        EnergyReportService.Stored stored = service.submitBatch(lines, format, caller.actor());
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/v1/energy-reports/batches")
                        .path(Long.toString(stored.batchId()))
                        .build())
                .entity(BatchView.of(stored.batch()))
                .build();
    }
}
