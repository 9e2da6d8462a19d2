package io.dceff.platform.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CSV file for people rather than programs: the same flattened columns as the {@code text/csv} answers, but
 * starting with a UTF-8 byte order mark, without which Excel on Chinese Windows reads the file as GBK and garbles
 * every name.
 */
public final class CsvDownload {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CsvMapper CSV = new CsvMapper();

    private CsvDownload() {
    }

    public static void write(ObjectMapper json, Object answer, OutputStream out) throws IOException {
        ObjectMapper exact = json.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        CsvTable table = CsvTable.of(exact.valueToTree(answer));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        table.columns().forEach(schema::addColumn);
        out.write(BOM);
        try (SequenceWriter writer = CSV.writer(schema.build()).writeValues(out)) {
            for (Map<String, String> row : table.rows()) {
                List<String> cells = new ArrayList<>(table.columns().size());
                for (String column : table.columns()) {
                    cells.add(CsvTable.safeCell(row.getOrDefault(column, "")));
                }
                writer.write(cells);
            }
        }
    }
}
