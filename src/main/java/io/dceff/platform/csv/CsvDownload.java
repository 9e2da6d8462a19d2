package io.dceff.platform.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A CSV file for people rather than programs: the same flattened columns as the {@code text/csv} answers, but
 * starting with a UTF-8 byte order mark, without which Excel on Chinese Windows reads the file as GBK and garbles
 * every name.
 */
public final class CsvDownload {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvDownload() {}

    public static void write(ObjectMapper json, Object answer, OutputStream out) throws IOException {
        ObjectMapper exact = json.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        CsvTable table = CsvTable.of(exact, answer);
        out.write(BOM);
        table.write(out);
    }
}
