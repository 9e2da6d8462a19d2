package io.dceff.platform.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flattens the JSON of a list answer into CSV rows: the same columns as the JSON items, nested objects
 * as dotted names ({@code criteria.pue.value}), arrays of plain values joined with {@code ;}.
 */
public final class CsvTable {

    private static final CsvMapper CSV = new CsvMapper();

    private final List<String> columns;
    private final Iterable<Map<String, String>> rows;

    private CsvTable(List<String> columns, Iterable<Map<String, String>> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** The items of a page ({@code {"items": [...]}}), of an array, or the one object. */
    public static CsvTable of(JsonNode answer) {
        JsonNode items = answer.isArray() ? answer : answer.has("items") ? answer.get("items") : null;
        List<JsonNode> list = new ArrayList<>();
        if (items == null) {
            list.add(answer);
        } else {
            items.forEach(list::add);
        }
        Set<String> columns = new LinkedHashSet<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode item : list) {
            Map<String, String> row = new LinkedHashMap<>();
            flatten("", item, row);
            columns.addAll(row.keySet());
            rows.add(row);
        }
        return new CsvTable(List.copyOf(columns), rows);
    }

    /**
     * The table of an answer, its rows made one at a time as they are written: the same columns and rows as
     * {@code of(mapper.valueToTree(answer))}, but for a list, or a record with a list of items, without the
     * answer's tree or its rows in memory. A first pass over the items finds the columns (in order of first
     * appearance, as a row may lack what another has); writing is the second.
     */
    public static CsvTable of(ObjectMapper mapper, Object answer) {
        List<?> items = items(answer);
        if (items == null) {
            return of(mapper.<JsonNode>valueToTree(answer));
        }
        Set<String> columns = new LinkedHashSet<>();
        for (Object item : items) {
            columns.addAll(row(mapper, item).keySet());
        }
        return new CsvTable(
                List.copyOf(columns),
                () -> items.stream().map(item -> row(mapper, item)).iterator());
    }

    public List<String> columns() {
        return columns;
    }

    /** The list whose elements are the rows: the answer itself, or its items; null for a single object. */
    private static List<?> items(Object answer) {
        if (answer instanceof List<?> list) {
            return list;
        }
        if (answer instanceof Record) {
            for (RecordComponent component : answer.getClass().getRecordComponents()) {
                if (component.getName().equals("items") && List.class.isAssignableFrom(component.getType())) {
                    try {
                        return (List<?>) component.getAccessor().invoke(answer);
                    } catch (ReflectiveOperationException e) {
                        return null; // not accessible from here: written from its tree
                    }
                }
            }
        }
        return null;
    }

    private static Map<String, String> row(ObjectMapper mapper, Object item) {
        Map<String, String> row = new LinkedHashMap<>();
        flatten("", mapper.valueToTree(item), row);
        return row;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> row) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), row);
            }
        } else if (node.isArray()) {
            row.put(prefix, joined((ArrayNode) node));
        } else if (node.isNull() || node.isMissingNode()) {
            row.put(prefix, "");
        } else if (node.isBigDecimal()) {
            row.put(prefix, node.decimalValue().toPlainString());
        } else {
            row.put(prefix, node.asText());
        }
    }

    private static String joined(ArrayNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(element -> parts.add(element.isValueNode() ? element.asText() : element.toString()));
        return String.join(";", parts);
    }

    /**
     * Neutralises spreadsheet formula injection (OWASP "CSV injection"): a text cell starting with
     * {@code = + - @}, tab or carriage return is prefixed with an apostrophe. Numbers stay numbers.
     */
    public static String safeCell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean risky = first == '='
                || first == '+'
                || first == '@'
                || first == '\t'
                || first == '\r'
                || first == '-' && !isNumber(value);
        return risky ? "'" + value : value;
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Writes the table as CSV with a header row, every cell made safe for spreadsheets. */
    public void write(OutputStream out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns().forEach(schema::addColumn);
        try (SequenceWriter writer = CSV.writer(schema.build()).writeValues(out)) {
            for (Map<String, String> row : rows) {
                List<String> cells = new ArrayList<>(columns().size());
                for (String column : columns()) {
                    cells.add(safeCell(row.getOrDefault(column, "")));
                }
                writer.write(cells);
            }
        }
    }
}
