package io.dceff.platform.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.dceff.platform.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads an uploaded CSV (UTF-8, header row, optional BOM) into the request records of a batch, row by
 * row, through the shared {@link TableUpload} pipeline. The one CSV reader: sample data files are read by it
 * too, with the same settings, so a file that loads as sample data would load as an upload.
 */
public final class CsvUpload {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private CsvUpload() {}

    /**
     * @param columns  the columns the record takes, by name
     * @param required the columns the header must have
     * @param sink     receives each converted row, in order
     * @return the number of data rows
     */
    public static <T> int read(
            InputStream body,
            Class<T> type,
            Set<String> columns,
            Set<String> required,
            ObjectMapper json,
            Consumer<T> sink) {
        return TableUpload.read(rows(body), "CSV", type, columns, required, json, sink);
    }

    /**
     * A whole file of trusted sample data into records: the columns are the record's components, none of them
     * required (a column left out is an absent value). A bad file stops the start with every bad row named.
     */
    public static <T extends Record> List<T> readAll(Path file, Class<T> type, ObjectMapper json) {
        Set<String> columns = new LinkedHashSet<>();
        Arrays.stream(type.getRecordComponents()).forEach(component -> columns.add(component.getName()));
        List<T> all = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            read(in, type, columns, Set.of(), json, all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (ProblemException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage() + " " + e.errors(), e);
        }
    }

    /** The rows of a CSV; a blank line is a row of one empty cell. */
    static TableUpload.Rows rows(InputStream body) {
        return new TableUpload.Rows() {
            private MappingIterator<List<String>> rows;
            private int number = -1; // the header is row 0

            @Override
            public boolean fixedWidth() {
                return true;
            }

            @Override
            public TableUpload.Cells next() {
                try {
                    if (rows == null) {
                        rows = CSV.readerForListOf(String.class)
                                .with(CsvSchema.emptySchema())
                                .readValues(utf8(body));
                    }
                    if (!rows.hasNext()) {
                        return null;
                    }
                    List<String> cells = rows.next();
                    number++;
                    if (cells.size() == 1 && cells.get(0).isEmpty()) {
                        number--; // a blank line is not counted
                    }
                    return new TableUpload.Cells(number, cells);
                } catch (RuntimeException e) {
                    throw unreadable(e);
                } catch (IOException e) {
                    throw unreadable(new UncheckedIOException(e));
                }
            }

            @Override
            public void close() {
                try {
                    if (rows != null) {
                        rows.close();
                    }
                } catch (IOException ignored) {
                    // the body is the request's; nothing to release
                }
            }
        };
    }

    private static TableUpload.Unreadable unreadable(RuntimeException e) {
        boolean encoding = e instanceof UncheckedIOException && e.getCause() instanceof CharacterCodingException
                || e.getCause() instanceof CharacterCodingException
                || e.getCause() != null && e.getCause().getCause() instanceof CharacterCodingException;
        return new TableUpload.Unreadable(
                encoding
                        ? "is not valid UTF-8"
                        : "is not well-formed CSV (" + TableUpload.firstLine(e.getMessage()) + ")",
                e);
    }

    private static Reader utf8(InputStream body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(body == null ? new ByteArrayInputStream(new byte[0]) : body, decoder);
    }
}
