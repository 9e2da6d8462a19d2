package io.dceff.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dceff.platform.problem.Problem.FieldError;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.problem.ProblemMappers;
import io.dceff.platform.problem.ProblemType;
import java.util.ArrayList;
import java.util.List;

/** A JSON array of batch rows, converted row by row so that one answer names every unreadable row (1-based). */
public final class JsonRows {

    private JsonRows() {}

    public static <T> List<T> read(JsonNode body, Class<T> type, ObjectMapper json) {
        if (body == null || !body.isArray()) {
            throw ProblemException.invalid("body", "must be a JSON array of rows");
        }
        List<T> rows = new ArrayList<>(body.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode element = body.get(i);
            if (!element.isObject()) {
                errors.add(new FieldError(i + 1, "row", "must be an object"));
                continue;
            }
            try {
                rows.add(json.treeToValue(element, type));
            } catch (JsonMappingException e) {
                String field = e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null
                        ? "row"
                        : e.getPath().get(0).getFieldName();
                errors.add(new FieldError(i + 1, field, ProblemMappers.fieldMessage(e)));
            } catch (JsonProcessingException e) {
                errors.add(new FieldError(i + 1, "row", "invalid"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    ProblemType.INVALID_INPUT, errors.size() + " rows cannot be read; nothing was stored", errors);
        }
        return rows;
    }
}
