package io.dceff.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    // A code whose check character was worked out by hand:
    // 9 1 3 1 0 1 1 5 M A 1 G 5 1 W 8 X with weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
    // values 9 1 3 1 0 1 1 5 21 10 1 16 5 1 28 8 29 → weighted sum 2532; 2532 mod 31 = 21; 31 − 21 = 10 → 'A'
    private static final String VALID = "91310115MA1G51W8XA";

    @Test
    void acceptsACodeWithTheRightCheckCharacter() {
        assertThat(CreditCode.problem(VALID)).isNull();
        assertThat(CreditCode.checkCharacterFor(VALID.substring(0, 17))).isEqualTo('A');
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertThat(CreditCode.problem("91310115MA1G51W8XB")).contains("check digit");
    }

    @Test
    void rejectsWrongLengthAndLettersOutsideTheAlphabet() {
        assertThat(CreditCode.problem("91310115MA1G51W8X")).contains("18 characters");
        assertThat(CreditCode.problem("91310115MA1G51W8OA")).contains("not allowed");
        assertThat(CreditCode.problem(null)).isNotNull();
    }

    @Test
    void aRemainderOfZeroGivesCheckCharacterZero() {
        // find 17 characters whose weighted sum is a multiple of 31: "00000000000000000" sums to 0 → check '0'
        assertThat(CreditCode.checkCharacterFor("00000000000000000")).isEqualTo('0');
        assertThat(CreditCode.isValid("000000000000000000")).isTrue();
    }
}
