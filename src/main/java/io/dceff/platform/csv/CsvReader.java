package io.dceff.platform.csv;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV with a header row into request records, the same records the JSON API takes, so a CSV
 * upload and a JSON one are validated alike. Empty cells are absent values.
 */
public final class CsvReader {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(CsvParser.Feature.EMPTY_STRING_AS_NULL)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private CsvReader() {
    }

    /** Rows one at a time, for uploads too large to hold twice. */
    public static <T> MappingIterator<T> iterate(InputStream in, Class<T> type) throws IOException {
        ObjectReader reader = MAPPER.readerFor(type).with(CsvSchema.emptySchema().withHeader());
        return reader.readValues(in);
    }

    /** A whole file of trusted sample data. */
    public static <T> List<T> readAll(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file); MappingIterator<T> rows = iterate(in, type)) {
            List<T> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
