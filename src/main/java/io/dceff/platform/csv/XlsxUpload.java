package io.dceff.platform.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.problem.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads an uploaded XLSX workbook (its first sheet: a header row, then data rows) into the request records
 * of a batch through the shared {@link TableUpload} pipeline, so rows and row-numbered errors are those of
 * a CSV. The body is spooled to a temporary file and its sheet read as a stream of rows (fastexcel-reader),
 * never as a whole workbook in the heap. Before anything is parsed the archive is measured: an encrypted
 * (password-protected) workbook, a legacy .xls or anything but a ZIP is a 400, and a workbook that expands
 * beyond {@link #MAX_PART_BYTES} a part, {@link #MAX_SHARED_STRINGS_BYTES} of shared strings (held in
 * memory while reading) or {@link #MAX_TOTAL_BYTES} in all (a "zip bomb") is a 413.
 */
public final class XlsxUpload {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Largest uncompressed part: a 100,000-row sheet of nine columns is about 40 MB of XML. */
    static final long MAX_PART_BYTES = 200L * 1024 * 1024;
    /** Largest uncompressed shared-strings part; fastexcel keeps the strings it has read in memory. */
    static final long MAX_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;
    /** Largest uncompressed workbook in all. */
    static final long MAX_TOTAL_BYTES = 400L * 1024 * 1024;

    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    /** Number formats that show a month but no day: the cell is a period (YYYY-MM), not a date. */
    private static final Pattern MONTH_ONLY = Pattern.compile("^[^d]*m[^d]*$", Pattern.CASE_INSENSITIVE);

    private XlsxUpload() {}

    /** As {@link CsvUpload#read}, for a workbook. */
    public static <T> int read(
            InputStream body,
            Class<T> type,
            Set<String> columns,
            Set<String> required,
            ObjectMapper json,
            Consumer<T> sink) {
        Path file = spool(body);
        try {
            measure(file);
            return TableUpload.read(rows(file), "XLSX", type, columns, required, json, sink);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the temporary directory is cleaned by the system in the end
            }
        }
    }

    private static Path spool(InputStream body) {
        try {
            Path file = Files.createTempFile("dceff-upload-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                if (body != null) {
                    body.transferTo(out);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spool the upload", e);
        }
    }

    /** Refuses what is not a plain OOXML workbook, and a workbook that would expand beyond the limits. */
    static void measure(Path file) {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(head, 0, head.length);
            if (read == 0) {
                throw ProblemException.invalid("body", "the XLSX is empty; a workbook with a header row is required");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Arrays.equals(head, OLE2)) {
            throw ProblemException.invalid(
                    "body",
                    "the workbook is password-protected (encrypted) or an old .xls; "
                            + "save it as an Excel workbook (.xlsx) without a password");
        }
        if (!Arrays.equals(Arrays.copyOf(head, 4), ZIP)) {
            throw ProblemException.invalid("body", "not an XLSX workbook (an .xlsx file is a ZIP archive)");
        }
        long total = 0;
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            byte[] buffer = new byte[64 * 1024];
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                long limit = entry.getName().toLowerCase().endsWith("sharedstrings.xml")
                        ? MAX_SHARED_STRINGS_BYTES
                        : MAX_PART_BYTES;
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        size += n;
                        total += n;
                        if (size > limit || total > MAX_TOTAL_BYTES) {
                            throw new ProblemException(
                                    ProblemType.PAYLOAD_TOO_LARGE,
                                    "The workbook expands to more"
                                            + " than "
                                            + (size > limit
                                                    ? limit / (1024 * 1024) + " MB in its part " + entry.getName()
                                                    : MAX_TOTAL_BYTES / (1024 * 1024) + " MB")
                                            + "; nothing was stored."
                                            + " Split it into smaller workbooks",
                                    null);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw unreadable(e);
        }
    }

    /**
     * The 400 for a file that is not a workbook this service can read, with the reading library's reason where
     * it tells the user something ("Archive is not a ZIP archive"), not where it names its own internals.
     */
    private static ProblemException unreadable(Exception e) {
        String reason = TableUpload.firstLine(e.getMessage());
        boolean telling = !reason.equals("unreadable") && !reason.matches("(?i).*\\bnull\\b.*");
        return ProblemException.invalid(
                "body",
                "not a readable XLSX workbook" + (telling ? " (" + reason + ")" : "")
                        + "; save it again from Excel as a workbook (.xlsx), or start from the template");
    }

    private static TableUpload.Rows rows(Path file) {
        ReadableWorkbook workbook;
        Stream<Row> stream;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
            Sheet sheet = workbook.getFirstSheet();
            stream = sheet.openStream();
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
        Iterator<Row> rows = stream.iterator();
        return new TableUpload.Rows() {
            private int headerRow = -1;

            @Override
            public TableUpload.Cells next() {
                try {
                    if (!rows.hasNext()) {
                        return null;
                    }
                    Row row = rows.next();
                    if (headerRow < 0) {
                        headerRow = row.getRowNum();
                    }
                    return new TableUpload.Cells(row.getRowNum() - headerRow, cells(row));
                } catch (RuntimeException e) {
                    throw new TableUpload.Unreadable(
                            "is not well-formed XLSX (" + TableUpload.firstLine(e.getMessage()) + ")", e);
                }
            }

            @Override
            public void close() {
                stream.close();
                try {
                    workbook.close();
                } catch (IOException ignored) {
                    // a read-only file about to be deleted
                }
            }
        };
    }

    /** The cells of a row as text, as a CSV would have them; columns left out of the row are empty. */
    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            values.add(cell == null ? null : text(cell));
        }
        return values;
    }

    private static String text(Cell cell) {
        return switch (cell.getType()) {
            case EMPTY -> null;
            case STRING -> cell.asString();
            case BOOLEAN -> cell.asBoolean().toString();
            case NUMBER -> isDate(cell) ? date(cell) : plain(cell.asNumber());
            case FORMULA -> cell.getRawValue(); // the value Excel computed and saved
            case ERROR -> cell.getRawValue(); // #DIV/0! and the like: refused by the row's validation
        };
    }

    private static String plain(BigDecimal number) {
        String text = number.toPlainString();
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    private static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "");
        return bare.matches("(?i).*[dmy].*") && !bare.matches("(?i).*[#0?].*");
    }

    /** A date cell as YYYY-MM-DD, or YYYY-MM when its format shows no day (a month typed into Excel). */
    private static String date(Cell cell) {
        LocalDateTime value = cell.asDate();
        String format = cell.getDataFormatString() == null
                ? ""
                : cell.getDataFormatString().replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "");
        boolean monthOnly = !format.isEmpty()
                && MONTH_ONLY.matcher(format).matches()
                && format.toLowerCase().contains("y");
        return monthOnly
                ? value.toLocalDate().toString().substring(0, 7)
                : value.toLocalDate().toString();
    }
}
