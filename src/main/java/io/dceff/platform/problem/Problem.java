package io.dceff.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error dceff answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * The problem of a type: its URI, title and status come from the type, so they never disagree. Every problem
     * dceff answers is made here or by {@link #ofStatus}.
     *
     * @param instance the path asked for, or null
     * @param errors the fields at fault; none is written as absent
     */
    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return new Problem(
                type.uri(),
                type.title(),
                type.status(),
                detail,
                instance,
                errors == null || errors.isEmpty() ? null : errors);
    }

    /** The problem of an HTTP status the framework answered: of the type for the status, with the status as given. */
    public static Problem ofStatus(int status, String detail, String instance) {
        ProblemType type = ProblemType.forStatus(status);
        return new Problem(type.uri(), type.title(), status, detail, instance, null);
    }

    /** One invalid field; {@code row} is the 1-based row of a batch, absent for single requests. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FieldError")
    public record FieldError(Integer row, String field, String message) {
        public static FieldError of(String field, String message) {
            return new FieldError(null, field, message);
        }

        public FieldError atRow(int row) {
            return new FieldError(row, field, message);
        }
    }
}
