package io.dceff.registry;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * What other capabilities read of a data center: its keys, owner, district, size and dates, and a status: the one
 * in force at the date asked, or null when it had none yet (registered with a later effective date).
 */
public record Site(
        long id,
        String code,
        String name,
        String operatorCode,
        String district,
        int racks,
        LocalDate commissionedOn,
        LocalDate zeroCarbonCertifiedOn,
        DataCenterStatus status) {

    /**
     * Codes in the order MariaDB sorts data_center.code (utf8mb4_unicode_ci, which compares the primary weights of
     * UCA 4.0.0): '_', '-', '.' before digits, digits before letters, letters without regard to case. For lists put
     * together from several reads, which no single ORDER BY can sort. Codes are unique in that collation, so this is
     * a total order of them.
     */
    public static final Comparator<String> CODE_ORDER = (a, b) -> {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(weight(a.charAt(i)), weight(b.charAt(i)));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    };

    /** The primary weight's rank of a character of a code ({@code [A-Za-z0-9._-]}); others after all of them. */
    private static int weight(char c) {
        if (c == '_') {
            return 0;
        }
        if (c == '-') {
            return 1;
        }
        if (c == '.') {
            return 2;
        }
        if (c >= '0' && c <= '9') {
            return 3 + c - '0';
        }
        char upper = Character.toUpperCase(c);
        if (upper >= 'A' && upper <= 'Z') {
            return 13 + upper - 'A';
        }
        return 64 + c;
    }
}
