package io.dceff.platform.problem;

import io.dceff.platform.problem.Problem.FieldError;
import java.util.List;

/**
 * The one exception type for a client error found by dceff's own rules; mapped to problem details in
 * {@link ProblemMappers}. Factory methods name the usual cases.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(ProblemType.INVALID_INPUT, detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(FieldError.of(field, message)));
    }

    public static ProblemException notFound(String what, String key) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + key + " does not exist", null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail, null);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
