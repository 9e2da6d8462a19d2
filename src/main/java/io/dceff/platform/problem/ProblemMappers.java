package io.dceff.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.agroal.api.AgroalDataSource;
import io.dceff.platform.jdbc.DatabaseErrors;
import io.dceff.platform.jdbc.TransactionRetry.OutcomeUnknownException;
import io.dceff.platform.problem.Problem.FieldError;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become RFC 9457 problem details. */
public class ProblemMappers {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AllowedMethods allowedMethods;

    /** A fresh connection that answers within a second; only asked on the error path. */
    private boolean databaseReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (SQLException | RuntimeException unreachable) {
            return false;
        }
    }

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.type(), e.getMessage(), e.errors(), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> FieldError.of(fieldName(v), message(v)))
                .toList();
        return respond(
                ProblemType.INVALID_INPUT, ProblemException.invalid(errors).getMessage(), errors, uri);
    }

    // Quarkus brings its own mappers for some of these; naming each type makes ours the most specific.
    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        ValueInstantiationException.class
    })
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(ProblemType.MALFORMED_REQUEST, describe(e), jsonFieldErrors(e), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        JsonProcessingException json = causeOf(e, JsonProcessingException.class);
        if (json != null) {
            return json(json, uri);
        }
        if (e.getResponse().getEntity() instanceof Problem) {
            return e.getResponse();
        }
        int status = e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "This resource does not answer that method";
            case 406 -> "This resource cannot answer in the media type asked for";
            case 415 -> "This resource does not accept that media type";
            case 413 -> "The request body is over the size limit";
            default -> e.getMessage();
        };
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.ofStatus(status, detail, uri.getPath()));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow == null && status == 405) {
            allow = allowedMethods.allow(uri.getPath());
        }
        if (allow != null && !allow.isEmpty()) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(problem(
                        ProblemType.UNAUTHORIZED,
                        "A valid bearer token is required (Authorization: Bearer <JWT>)",
                        null,
                        uri))
                .build();
    }

    /** The identity provider could not be reached to verify a token (its discovery or JWKS): try again later. */
    @ServerExceptionMapper
    public Response identityProvider(OIDCException e, UriInfo uri) {
        LOG.warnf("Identity provider unavailable on %s: %s", uri.getPath(), e.getMessage());
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .entity(problem(
                        ProblemType.SERVICE_UNAVAILABLE,
                        "The identity provider cannot be reached to verify the token; retry shortly",
                        null,
                        uri))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "Your role does not allow this", null, uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentUpdate(RuntimeException e, UriInfo uri) {
        return respond(
                ProblemType.CONFLICT,
                "Someone else changed this resource at the same time; read it again and retry",
                null,
                uri);
    }

    /** The database was lost during the commit: unlike any other outage, the write may have been stored. */
    @ServerExceptionMapper
    public Response outcomeUnknown(OutcomeUnknownException e, UriInfo uri) {
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", "5")
                .entity(problem(
                        ProblemType.OUTCOME_UNKNOWN,
                        "The database was lost while this write was being committed: it may or may not have been "
                                + "stored. Read it back before sending it again, or retry with the same Idempotency-Key",
                        null,
                        uri))
                .build();
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        return database(e, uri);
    }

    @ServerExceptionMapper
    public Response sql(SQLException e, UriInfo uri) {
        return database(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (causeOf(e, SQLException.class) != null || causeOf(e, PersistenceException.class) != null) {
            return database(e, uri);
        }
        // a commit that failed because the connection broke: the transaction manager rolls it back and
        // keeps the database's error as a suppressed exception
        if (isDatabaseUnavailable(e)) {
            return unavailable(uri);
        }
        return internal(e, uri);
    }

    private Response internal(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return respond(ProblemType.INTERNAL_ERROR, "An unexpected error occurred; it has been logged", null, uri);
    }

    private Response database(Throwable e, UriInfo uri) {
        if (isDatabaseUnavailable(e)) {
            return unavailable(uri);
        }
        if (causeOf(e, OptimisticLockException.class) != null || causeOf(e, StaleStateException.class) != null) {
            return concurrentUpdate(null, uri);
        }
        if (DatabaseErrors.isConflict(e)) {
            return respond(
                    ProblemType.CONFLICT,
                    "Another request changed the same data at the same time; nothing " + "was stored. Retry",
                    null,
                    uri);
        }
        if (DatabaseErrors.isIntegrityViolation(e)) {
            return respond(
                    ProblemType.CONFLICT,
                    "This conflicts with what is stored (a duplicate or a reference" + " that does not exist)",
                    null,
                    uri);
        }
        // an SQL failure the driver and the pool describe only vaguely (a failed enlistment, say): when the
        // database cannot be reached right now, it was the outage and nothing was stored
        if (!databaseReachable()) {
            return unavailable(uri);
        }
        return internal(e, uri);
    }

    static boolean isDatabaseUnavailable(Throwable e) {
        return DatabaseErrors.isOutage(e);
    }

    private Response unavailable(UriInfo uri) {
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", "5")
                .entity(problem(
                        ProblemType.SERVICE_UNAVAILABLE,
                        "The database is not reachable; nothing was stored. Retry shortly",
                        null,
                        uri))
                .build();
    }

    /** A problem as an answer: its status, the problem media type, the problem as body. */
    public static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static Response respond(ProblemType type, String detail, List<FieldError> errors, UriInfo uri) {
        return response(problem(type, detail, errors, uri));
    }

    private static Problem problem(ProblemType type, String detail, List<FieldError> errors, UriInfo uri) {
        return Problem.of(type, detail, uri == null ? null : uri.getPath(), errors);
    }

    /** "create.request.racks" → "racks"; "importAll.arg0[3].period" → "[3].period". */
    /** Names of resource-method parameters that are request bodies: a violation of one is about "body". */
    private static final Set<String> BODY_PARAMETERS = Set.of("request", "body", "rows");

    /** The constraint's message; a request without its body is told so in the words of the request. */
    private static String message(ConstraintViolation<?> v) {
        boolean missingBody = v.getInvalidValue() == null
                && "body".equals(fieldName(v))
                && v.getConstraintDescriptor().getAnnotation() instanceof NotNull;
        return missingBody ? "is required: send it as JSON (it was empty or null)" : v.getMessage();
    }

    private static String fieldName(ConstraintViolation<?> v) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null) {
                name = name + "[" + node.getIndex() + "]";
            }
            parts.add(name);
        }
        String field = parts.stream().filter(p -> !p.isEmpty()).collect(Collectors.joining("."));
        if (!field.isEmpty()) {
            return field;
        }
        // a query or path parameter itself (a bean parameter's field is a property node above)
        return parameter == null || BODY_PARAMETERS.contains(parameter) ? "body" : parameter;
    }

    private static List<FieldError> jsonFieldErrors(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return List.of(FieldError.of(path(mapping), fieldMessage(mapping)));
        }
        return List.of();
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return path(mapping) + ": " + fieldMessage(mapping);
        }
        String message = e.getOriginalMessage();
        return "The body is not valid JSON: " + (message == null ? "unreadable" : message);
    }

    /** What is wrong with the field a mapping exception names, in the words of the other answers. */
    public static String fieldMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "cannot read " + quote(invalid.getValue()) + " as " + typeName(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "expected " + typeName(mismatched.getTargetType());
        }
        return "invalid value";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String quote(Object value) {
        String text = String.valueOf(value);
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == YearMonth.class) {
            return "a month (YYYY-MM)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
