package io.dceff.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** XLSX workbooks for upload tests: one sheet, a header row, then rows of cells (numbers stay numbers). */
public final class Workbooks {

    private Workbooks() {}

    public static byte[] of(List<String> header, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "dceff-tests", "1.0");
            Worksheet sheet = workbook.newWorksheet("upload");
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number number) {
                        sheet.value(r + 1, c, number);
                    } else if (value instanceof LocalDate date) {
                        sheet.value(r + 1, c, date);
                        sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else if (value != null) {
                        sheet.value(r + 1, c, value.toString());
                    }
                }
                if (r % 10_000 == 9_999) {
                    sheet.flush();
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
