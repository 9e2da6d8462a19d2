package io.dceff.registry;

/**
 * The 18-character unified social credit code of GB 32100-2015 (统一社会信用代码): 17 characters from a
 * 31-character alphabet (no I, O, Z, S, V) and a check character computed with weights 3^(i) mod 31.
 */
public final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {}

    /** @return null when valid, otherwise why not */
    public static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "must be 18 characters";
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return "character " + (i + 1) + " ('" + code.charAt(i) + "') is not allowed in a credit code";
            }
            if (i < 17) {
                sum += value * WEIGHTS[i];
            }
        }
        char expected = checkCharacter(sum);
        return expected == code.charAt(17) ? null : "check digit does not match (expected " + expected + ")";
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** The check character for 17 leading characters; used to make valid codes in tests and sample data. */
    public static char checkCharacterFor(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return checkCharacter(sum);
    }

    private static char checkCharacter(int weightedSum) {
        int check = 31 - weightedSum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
