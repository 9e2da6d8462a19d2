package io.dceff.platform.csv;

/** The media types of CSV: {@code text/csv} (RFC 7111) and the {@code application/csv} some clients send. */
public final class CsvMediaType {
    public static final String TEXT_CSV = "text/csv";
    public static final String APPLICATION_CSV = "application/csv";

    private CsvMediaType() {}
}
