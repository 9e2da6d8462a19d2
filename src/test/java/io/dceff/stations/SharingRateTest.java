package io.dceff.stations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SharingRateTest {

    @Test
    void theRateIsSharedOverNewBuildsToFourDecimals() {
        // 2 of 3 shared: 0.66666… → 0.6667
        assertThat(SharingRate.of("310101", 3, 2).rate()).isEqualByComparingTo(new BigDecimal("0.6667"));
        assertThat(SharingRate.of("x", 4, 4).rate()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(SharingRate.of("x", 3, 2).unshared()).isEqualTo(1);
    }

    @Test
    void aYearWithoutNewBuildsHasNoRate() {
        assertThat(SharingRate.of("x", 0, 0).rate()).isNull();
    }

    @Test
    void sharedCannotExceedNewBuilds() {
        assertThatThrownBy(() -> SharingRate.of("x", 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
