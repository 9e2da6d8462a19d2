package io.dceff.pue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** PUE = facility energy ÷ IT energy (ISO/IEC 30134-2), unrounded for comparing, three decimals for showing. */
class PueTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void pueIsFacilityEnergyOverItEnergy() {
        assertThat(Pue.of(d("17000"), d("10000"))).isEqualByComparingTo("1.7");
        assertThat(Pue.of(d("412000.5"), d("251000"))).isEqualByComparingTo("1.641436254980079681274900398406375");
    }

    @Test
    void pueIsKeptUnroundedToThirtyFourDigits() {
        BigDecimal third = Pue.of(d("1"), d("3"));
        assertThat(third.precision()).isEqualTo(34);
        assertThat(third).isEqualByComparingTo("0.3333333333333333333333333333333333");
        // 1.7000000001 is above 1.7 although it shows as 1.700
        BigDecimal hair = Pue.of(d("17000000001"), d("10000000000"));
        assertThat(hair).isGreaterThan(d("1.7"));
        assertThat(Pue.display(hair)).isEqualByComparingTo("1.700");
    }

    @Test
    void facilityEnergyEqualToItEnergyIsAPueOfExactlyOne() {
        assertThat(Pue.of(d("1000.000"), d("1000"))).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void theLargestAndSmallestStoredEnergiesDivideWithoutLoss() {
        // the columns are DECIMAL(18,3): the widest quotient has 18 digits, well inside 34
        assertThat(Pue.of(d("999999999999999.999"), d("0.001"))).isEqualByComparingTo("999999999999999999");
        assertThat(Pue.of(d("0.001"), d("999999999999999.999")))
                .isEqualByComparingTo("1.000000000000000001000000000000000E-18");
    }

    @Test
    void withoutItEnergyThereIsNoPue() {
        assertThat(Pue.of(d("1000"), BigDecimal.ZERO)).isNull();
        assertThat(Pue.of(d("1000"), d("0.000"))).isNull();
        assertThat(Pue.of(d("1000"), null)).isNull();
        assertThat(Pue.of(null, d("1000"))).isNull();
    }

    @Test
    void displayRoundsHalfUpToThreeDecimals() {
        assertThat(Pue.display(d("1.2345"))).isEqualTo(d("1.235"));
        assertThat(Pue.display(d("1.23449"))).isEqualTo(d("1.234"));
        assertThat(Pue.display(d("1.7"))).isEqualTo(d("1.700"));
        assertThat(Pue.display(d("1.6995"))).isEqualTo(d("1.700"));
        assertThat(Pue.display(d("1.69949999999999999999"))).isEqualTo(d("1.699"));
        assertThat(Pue.display(null)).isNull();
    }
}
