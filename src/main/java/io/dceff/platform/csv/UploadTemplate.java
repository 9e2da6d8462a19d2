package io.dceff.platform.csv;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The template of a batch upload, as CSV and as XLSX: one header row whose cells carry the Chinese label
 * and English labels and the column's name ({@code 数据中心编码 Data center code (dataCenterCode)}, which
 * {@link TableUpload} reads back), and in the workbook a second sheet listing the columns.
 */
public record UploadTemplate(String name, List<Column> columns) {

    /**
     * @param zh   the Chinese label
     * @param en   the English label
     * @param text true for columns Excel must keep as typed (codes, months, dates), not turn into numbers or dates
     */
    public record Column(String name, String zh, String en, boolean required, boolean text) {

        public String header() {
            return zh + " " + en + " (" + name + ")";
        }
    }

    /** The workbook when the caller accepts XLSX, otherwise the CSV; as a download named after the template. */
    public Response answer(HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        boolean xlsx = accept != null && accept.contains(XlsxUpload.MEDIA_TYPE);
        return Response.ok(xlsx ? xlsx() : csv())
                .type(xlsx ? XlsxUpload.MEDIA_TYPE : CsvMediaType.TEXT_CSV + ";charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + name + "-template." + (xlsx ? "xlsx" : "csv") + "\"")
                .build();
    }

    /** UTF-8 with a BOM, so that Excel shows the Chinese labels. */
    public byte[] csv() {
        String header = columns.stream().map(Column::header).collect(Collectors.joining(","));
        return ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "dceff", "1.0");
            Worksheet sheet = workbook.newWorksheet(name);
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                sheet.value(0, c, column.header());
                sheet.style(0, c).bold().set();
                sheet.width(c, Math.max(14, column.header().length() * 1.6));
                if (column.text()) {
                    sheet.style(c).format("@").set();
                }
            }
            sheet.freezePane(0, 1);
            Worksheet notes = workbook.newWorksheet("说明 Notes");
            List<String> head = List.of("列 Column", "必填 Required", "中文", "English");
            for (int c = 0; c < head.size(); c++) {
                notes.value(0, c, head.get(c));
                notes.style(0, c).bold().set();
            }
            for (int r = 0; r < columns.size(); r++) {
                Column column = columns.get(r);
                notes.value(r + 1, 0, column.name());
                notes.value(r + 1, 1, column.required() ? "是 yes" : "否 no");
                notes.value(r + 1, 2, column.zh());
                notes.value(r + 1, 3, column.en());
            }
            notes.width(2, 30);
            notes.width(3, 60);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
