package io.dceff.platform.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.dceff.platform.json.JacksonCustomizer;
import io.dceff.platform.problem.Problem.FieldError;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.problem.ProblemType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads an uploaded CSV (UTF-8, header row, optional BOM) into the request records of a batch, row by
 * row. Every bad row is collected with its 1-based number (the first row after the header is row 1),
 * so one answer names them all; the upload is refused whole if any row is bad.
 */
public final class CsvUpload {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private CsvUpload() {
    }

    /**
     * @param columns  the columns the record takes, by name
     * @param required the columns the header must have
     * @param sink     receives each converted row, in order
     * @return the number of data rows
     */
    public static <T> int read(InputStream body, Class<T> type, Set<String> columns, Set<String> required,
            ObjectMapper json, Consumer<T> sink) {
        List<FieldError> errors = new ArrayList<>();
        ObjectMapper fromText = JacksonCustomizer.lenient(json);
        int rowNumber = 0;
        try (Reader reader = utf8(body);
                MappingIterator<List<String>> rows = CSV.readerForListOf(String.class)
                        .with(CsvSchema.emptySchema()).readValues(reader)) {
            if (!rows.hasNext()) {
                throw ProblemException.invalid("body", "the CSV is empty; a header row is required");
            }
            List<String> header = rows.next().stream().map(CsvUpload::stripBom).toList();
            List<FieldError> headerErrors = new ArrayList<>();
            for (String column : header) {
                if (!columns.contains(column)) {
                    headerErrors.add(FieldError.of(column, "unknown column; the columns are " + columns));
                }
            }
            for (String column : required) {
                if (!header.contains(column)) {
                    headerErrors.add(FieldError.of(column, "required column missing from the header"));
                }
            }
            if (header.stream().distinct().count() != header.size()) {
                headerErrors.add(FieldError.of("header", "a column appears twice"));
            }
            if (!headerErrors.isEmpty()) {
                throw ProblemException.invalid(headerErrors);
            }
            while (rows.hasNext()) {
                List<String> cells = rows.next();
                rowNumber++;
                if (cells.size() == 1 && cells.get(0).isEmpty()) {
                    rowNumber--;
                    continue; // a blank line
                }
                if (cells.size() != header.size()) {
                    errors.add(new FieldError(rowNumber, "row", "has " + cells.size() + " cells; the header has "
                            + header.size()));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String cell = cells.get(i);
                    values.put(header.get(i), cell == null || cell.isEmpty() ? null : cell);
                }
                try {
                    sink.accept(fromText.convertValue(values, type));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(rowNumber, field(e), message(e)));
                }
            }
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            String reason = e instanceof java.nio.charset.CharacterCodingException
                    || e.getCause() instanceof java.nio.charset.CharacterCodingException
                    ? "is not valid UTF-8" : "is not well-formed CSV (" + firstLine(e.getMessage()) + ")";
            errors.add(new FieldError(rowNumber + 1, "row", reason));
            throw new ProblemException(ProblemType.INVALID_INPUT, "The CSV could not be read at row " + (rowNumber + 1)
                    + "; nothing was stored", errors);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, errors.size() + " problems in the CSV; nothing was"
                    + " stored", errors);
        }
        return rowNumber;
    }

    private static Reader utf8(InputStream body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(body == null ? new ByteArrayInputStream(new byte[0]) : body, decoder);
    }

    private static String stripBom(String column) {
        return column != null && column.startsWith("\uFEFF") ? column.substring(1).trim() : column;
    }

    private static String field(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String name = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
            return name == null ? "row" : name;
        }
        return "row";
    }

    private static String message(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            String original = json.getOriginalMessage();
            if (original != null && original.contains("not a valid")) {
                return "cannot be read: " + firstLine(original.replaceAll("^Cannot deserialize value of type `[^`]*` from String ", ""));
            }
            return firstLine(original);
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
