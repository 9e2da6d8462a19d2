package io.dceff.platform.csv;

public final class CsvMediaType {
    public static final String TEXT_CSV = "text/csv";

    private CsvMediaType() {}
}
