package io.dceff.platform.openapi;

import io.dceff.platform.csv.CsvMediaType;
import io.dceff.platform.csv.XlsxUpload;
import io.dceff.platform.problem.Problem;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every operation of the document shares, written once instead of on each resource method: the error
 * answers (RFC 9457 problem details with the {@link Problem} schema) that apply to the operation's shape, the
 * {@code Location} header of each 201, {@code text/csv} answers as strings, files to download (answers offered
 * as a workbook) as binary, table uploads (a {@code text/csv} body) also as {@code application/csv} and as an
 * XLSX workbook, which {@link io.dceff.platform.csv.TableUpload} reads alike, and answer properties that are
 * always present marked {@code required}. An operation adds its own cases (409, 422) with
 * {@code @APIResponse(responseCode, description)}; the problem body is filled in here.
 */
public class ContractFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** The standard error answers: component name, status, description. */
    private static final Map<String, String[]> STANDARD = new LinkedHashMap<>();

    static {
        STANDARD.put("400", new String[] {
            "BadRequest",
            "Malformed or invalid input: a parameter or field that is "
                    + "unknown, of the wrong type or out of range is named in detail and in errors[] (a batch names each "
                    + "bad row, 1-based). Nothing was stored."
        });
        STANDARD.put("401", new String[] {
            "Unauthorized", "No bearer token, or one that is expired or not signed " + "with the service's key."
        });
        STANDARD.put("403", new String[] {
            "Forbidden", "The token's role does not allow this, or the resource " + "belongs to another organization."
        });
        STANDARD.put("404", new String[] {"NotFound", "A resource named in the path does not exist."});
        STANDARD.put("413", new String[] {
            "PayloadTooLarge", "The body is over the size limit (1 MB; batches 25 MB " + "by default). Split it."
        });
        STANDARD.put("415", new String[] {
            "UnsupportedMediaType", "The body's Content-Type is not one this " + "operation accepts."
        });
        STANDARD.put("422", new String[] {
            "Unprocessable", "The Idempotency-Key was already used with another " + "body or on another operation."
        });
        STANDARD.put("503", new String[] {
            "ServiceUnavailable",
            "The database cannot be reached; nothing was stored (type urn:dceff:problem:service-unavailable). Retry "
                    + "after the number of seconds in Retry-After. Only when the database was lost while a write was "
                    + "being committed (type urn:dceff:problem:outcome-unknown) may it have been stored: read it back, "
                    + "or retry with the same Idempotency-Key."
        });
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        STANDARD.forEach((status, named) -> components.addResponse(
                named[0], OASFactory.createAPIResponse().description(named[1]).content(problemContent())));
        if (api.getPaths() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.getOperations().values().forEach(this::completeResponses);
                }
            });
        }
        markAlwaysPresentProperties(api);
        removeUnusedSchemas(api);
    }

    /** Schemas nothing refers to any more (a {@code JsonNode} of a typed batch body, say) are left out. */
    private static void removeUnusedSchemas(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> collect(p.getSchema(), schemas, used));
                }
                if (operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null) {
                    operation
                            .getRequestBody()
                            .getContent()
                            .getMediaTypes()
                            .values()
                            .forEach(m -> collect(m.getSchema(), schemas, used));
                }
                for (APIResponse answer :
                        operation.getResponses().getAPIResponses().values()) {
                    if (answer.getContent() != null) {
                        answer.getContent()
                                .getMediaTypes()
                                .values()
                                .forEach(m -> collect(m.getSchema(), schemas, used));
                    }
                }
            }
        }
        for (APIResponse answer : api.getComponents().getResponses().values()) {
            answer.getContent().getMediaTypes().values().forEach(m -> collect(m.getSchema(), schemas, used));
        }
        new HashSet<>(schemas.keySet())
                .stream().filter(name -> !used.contains(name)).forEach(api.getComponents()::removeSchema);
    }

    private void completeResponses(Operation operation) {
        tableUpload(operation);
        jsonBodyFirst(operation);
        APIResponses responses = operation.getResponses();
        Map<String, APIResponse> answers = new TreeMap<>(responses.getAPIResponses());
        // SmallRye's own 401 and 403 carry no body; the service answers problem details
        answers.put("401", reference("401"));
        answers.put("403", reference("403"));
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        if (body || parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.HEADER)) {
            answers.putIfAbsent("400", reference("400"));
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            answers.putIfAbsent("404", reference("404"));
        }
        if (body) {
            answers.putIfAbsent("413", reference("413"));
            answers.putIfAbsent("415", reference("415"));
        }
        if (parameters.stream().anyMatch(p -> "Idempotency-Key".equals(p.getName()))) {
            answers.putIfAbsent(
                    "409",
                    OASFactory.createAPIResponse()
                            .description("A request with the same " + "Idempotency-Key is still running."));
            answers.putIfAbsent("422", reference("422"));
        }
        answers.putIfAbsent("503", reference("503"));
        answers.forEach((status, answer) -> {
            if (answer.getRef() == null && status.charAt(0) >= '4' && answer.getContent() == null) {
                answer.setContent(problemContent());
            }
            if ("201".equals(status)
                    && (answer.getHeaders() == null || !answer.getHeaders().containsKey("Location"))) {
                answer.addHeader(
                        "Location",
                        OASFactory.createHeader()
                                .description("URI of the created resource")
                                .schema(OASFactory.createSchema()
                                        .addType(SchemaType.STRING)
                                        .format("uri-reference")));
            }
            // an answer offered as a workbook is a file to download: each of its media types binary, unless the
            // operation describes it
            if (answer.getContent() != null && answer.getContent().hasMediaType(XlsxUpload.MEDIA_TYPE)) {
                answer.getContent().getMediaTypes().values().stream()
                        .filter(type -> type.getSchema() == null)
                        .forEach(type -> type.setSchema(OASFactory.createSchema()
                                .addType(SchemaType.STRING)
                                .format("binary")));
            }
            // a CSV list answer is text; a CSV file to download (format binary) is left as its operation declares
            if (answer.getContent() != null
                    && answer.getContent().hasMediaType("text/csv")
                    && !isBinary(answer.getContent().getMediaType("text/csv"))) {
                answer.getContent()
                        .addMediaType(
                                "text/csv",
                                OASFactory.createMediaType()
                                        .schema(
                                                OASFactory.createSchema()
                                                        .addType(SchemaType.STRING)
                                                        .description(
                                                                "UTF-8 CSV with a header row; the "
                                                                        + "columns of the JSON items, flattened (nested fields joined with '.')")));
            }
        });
        responses.setAPIResponses(new LinkedHashMap<>(answers));
    }

    /**
     * A CSV body (its operation declares {@code text/csv}, a string, with its example) is a table upload: the same
     * text as {@code application/csv}, or the same rows as the first sheet of an XLSX workbook.
     */
    private static void tableUpload(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        Content content = operation.getRequestBody().getContent();
        MediaType csv = content.getMediaType(CsvMediaType.TEXT_CSV);
        if (csv == null) {
            return;
        }
        if (!content.hasMediaType(CsvMediaType.APPLICATION_CSV)) {
            content.addMediaType(
                    CsvMediaType.APPLICATION_CSV,
                    OASFactory.createMediaType()
                            .examples(csv.getExamples())
                            .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
        }
        if (!content.hasMediaType(XlsxUpload.MEDIA_TYPE)) {
            content.addMediaType(
                    XlsxUpload.MEDIA_TYPE,
                    OASFactory.createMediaType()
                            .schema(OASFactory.createSchema()
                                    .addType(SchemaType.STRING)
                                    .format("binary")));
        }
    }

    /**
     * A body that may be JSON lists JSON first: generated clients type the body by the first media type, and
     * the order SmallRye merges the methods of one operation in is not the source's.
     */
    private static void jsonBodyFirst(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        Map<String, MediaType> types = operation.getRequestBody().getContent().getMediaTypes();
        if (types == null || !types.containsKey("application/json")) {
            return;
        }
        Map<String, MediaType> ordered = new LinkedHashMap<>();
        ordered.put("application/json", types.get("application/json"));
        ordered.putAll(types);
        operation.getRequestBody().getContent().setMediaTypes(ordered);
    }

    private static boolean isBinary(MediaType type) {
        return type.getSchema() != null && "binary".equals(type.getSchema().getFormat());
    }

    private static APIResponse reference(String status) {
        return OASFactory.createAPIResponse().ref(STANDARD.get(status)[0]);
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    /**
     * Answers are records: a property that is not declared nullable is always present, so it is required. Only
     * schemas that appear in answers and never in request bodies are changed (a request keeps its own
     * {@code required} from Bean Validation).
     */
    private static void markAlwaysPresentProperties(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null || api.getPaths() == null) {
            return;
        }
        Set<String> inAnswers = new HashSet<>();
        Set<String> inRequests = new HashSet<>();
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null) {
                    for (MediaType media : operation
                            .getRequestBody()
                            .getContent()
                            .getMediaTypes()
                            .values()) {
                        collect(media.getSchema(), schemas, inRequests);
                    }
                }
                for (APIResponse answer :
                        operation.getResponses().getAPIResponses().values()) {
                    if (answer.getContent() != null) {
                        for (MediaType media :
                                answer.getContent().getMediaTypes().values()) {
                            collect(media.getSchema(), schemas, inAnswers);
                        }
                    }
                }
            }
        }
        inAnswers.removeAll(inRequests);
        inAnswers.remove("Problem");
        inAnswers.remove("FieldError");
        for (String name : inAnswers) {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                continue;
            }
            schema.getProperties().forEach((property, value) -> {
                if (!nullable(value)
                        && (schema.getRequired() == null
                                || !schema.getRequired().contains(property))) {
                    schema.addRequired(property);
                }
            });
        }
    }

    static boolean nullable(Schema schema) {
        if (schema.getType() != null && schema.getType().contains(SchemaType.NULL)) {
            return true;
        }
        for (List<Schema> alternatives : Arrays.asList(schema.getAnyOf(), schema.getOneOf())) {
            if (alternatives != null && alternatives.stream().anyMatch(ContractFilter::nullable)) {
                return true;
            }
        }
        return false;
    }

    /** Names of the component schemas a schema uses, transitively. */
    private static void collect(Schema root, Map<String, Schema> schemas, Set<String> names) {
        Deque<Schema> todo = new ArrayDeque<>();
        if (root != null) {
            todo.push(root);
        }
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (names.add(name) && schemas.containsKey(name)) {
                    todo.push(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(todo::push);
            }
            if (schema.getItems() != null) {
                todo.push(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                todo.push(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (parts != null) {
                    parts.forEach(todo::push);
                }
            }
        }
    }
}
