package io.dceff.platform.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dceff.platform.json.JacksonCustomizer;
import io.dceff.platform.problem.Problem.FieldError;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.problem.ProblemType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one row pipeline of batch uploads, whatever the file: a header row naming the columns, then data
 * rows converted into the request records the JSON API takes. Every bad row is collected with its 1-based
 * number (the first row after the header is row 1), so one answer names them all; the upload is refused
 * whole if any row is bad. A header cell may be the column's name or the templates' bilingual
 * {@code 数据中心编码 (dataCenterCode)}.
 */
public final class TableUpload {

    private static final Pattern LABELLED = Pattern.compile(".*[(（]\\s*([A-Za-z][A-Za-z0-9]*)\\s*[)）]\\s*$");

    /** One row of cells as read from the file; {@code number} counts from 1 at the first row after the header. */
    public record Cells(int number, List<String> values) {}

    /** The rows of an uploaded file, header first; reading failures are {@link Unreadable}. */
    public interface Rows extends AutoCloseable {
        /** The next row, or null at the end. */
        Cells next();

        /** True when every row must have as many cells as the header (CSV); spreadsheets leave empty cells out. */
        default boolean fixedWidth() {
            return false;
        }

        @Override
        void close();
    }

    /** The file cannot be read on from here: {@code reason} says why, for the row where it happened. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private TableUpload() {}

    /** "XLSX" for a workbook's media type, else "CSV": the format of an uploaded table, as messages name it. */
    public static String format(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(XlsxUpload.MEDIA_TYPE)
                ? "XLSX"
                : "CSV";
    }

    /** Reads an uploaded table, a workbook or a CSV by its media type, into records (see {@link CsvUpload#read}). */
    public static <T> int read(
            String contentType,
            InputStream body,
            Class<T> type,
            Set<String> columns,
            Set<String> required,
            ObjectMapper json,
            Consumer<T> sink) {
        return format(contentType).equals("XLSX")
                ? XlsxUpload.read(body, type, columns, required, json, sink)
                : CsvUpload.read(body, type, columns, required, json, sink);
    }

    /**
     * @param format   the file's kind in messages ("CSV", "XLSX")
     * @param columns  the columns the record takes, by name
     * @param required the columns the header must have
     * @param sink     receives each converted row, in order
     * @return the number of data rows
     */
    public static <T> int read(
            Rows rows,
            String format,
            Class<T> type,
            Set<String> columns,
            Set<String> required,
            ObjectMapper json,
            Consumer<T> sink) {
        List<FieldError> errors = new ArrayList<>();
        ObjectMapper fromText = JacksonCustomizer.lenient(json);
        int count = 0;
        int lastRow = 0;
        try (rows) {
            Cells headerRow = rows.next();
            if (headerRow == null) {
                throw ProblemException.invalid("body", "the " + format + " is empty; a header row is required");
            }
            List<String> header =
                    headerRow.values().stream().map(TableUpload::columnName).toList();
            checkHeader(header, columns, required);
            for (Cells cells = rows.next(); cells != null; cells = rows.next()) {
                lastRow = cells.number();
                if (cells.values().stream().allMatch(v -> v == null || v.isEmpty())) {
                    continue; // a blank line
                }
                count++;
                if (cells.values().size() > header.size()
                        || rows.fixedWidth() && cells.values().size() != header.size()) {
                    errors.add(new FieldError(
                            cells.number(),
                            "row",
                            "has " + cells.values().size() + " cells; the header has " + header.size()));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String cell = i < cells.values().size() ? cells.values().get(i) : null;
                    values.put(header.get(i), cell == null || cell.isEmpty() ? null : cell);
                }
                try {
                    sink.accept(fromText.convertValue(values, type));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(cells.number(), field(e), message(e)));
                }
            }
        } catch (ProblemException e) {
            throw e;
        } catch (Unreadable e) {
            errors.add(new FieldError(lastRow + 1, "row", e.getMessage()));
            throw new ProblemException(
                    ProblemType.INVALID_INPUT,
                    "The " + format + " could not be read at row " + (lastRow + 1) + "; nothing was stored",
                    errors);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    ProblemType.INVALID_INPUT,
                    errors.size() + " problems in the " + format + "; nothing was stored",
                    errors);
        }
        return count;
    }

    /** The column a header cell names: its name, or the name in brackets after a label. */
    static String columnName(String cell) {
        if (cell == null) {
            return "";
        }
        String trimmed = cell.startsWith("\uFEFF") ? cell.substring(1).trim() : cell.trim();
        Matcher labelled = LABELLED.matcher(trimmed);
        return labelled.matches() ? labelled.group(1) : trimmed;
    }

    private static void checkHeader(List<String> header, Set<String> columns, Set<String> required) {
        List<FieldError> headerErrors = new ArrayList<>();
        for (String column : header) {
            if (!columns.contains(column)) {
                headerErrors.add(FieldError.of(
                        column.isEmpty() ? "header" : column, "unknown column; the columns are " + columns));
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
    }

    private static String field(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String name = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
            return name == null ? "row" : name;
        }
        return "row";
    }

    private static String message(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            String original = json.getOriginalMessage();
            if (original != null && original.contains("not a valid")) {
                return "cannot be read: "
                        + firstLine(original.replaceAll("^Cannot deserialize value of type `[^`]*` from String ", ""));
            }
            return firstLine(original);
        }
        return firstLine(e.getMessage());
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
