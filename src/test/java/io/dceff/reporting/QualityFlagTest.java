package io.dceff.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one mapping between quality flags and the quality_flags column's text. */
class QualityFlagTest {

    @Test
    void everySetOfFlagsComesBackFromItsColumnValue() {
        QualityFlag[] all = QualityFlag.values();
        for (int bits = 0; bits < 1 << all.length; bits++) {
            EnumSet<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
            for (int i = 0; i < all.length; i++) {
                if ((bits & 1 << i) != 0) {
                    flags.add(all[i]);
                }
            }
            assertThat(QualityFlag.fromColumn(QualityFlag.toColumn(flags))).isEqualTo(flags);
        }
    }

    @Test
    void theColumnValueListsTheNamesInDeclarationOrderWhateverTheSet() {
        Set<QualityFlag> unordered = new HashSet<>(List.of(QualityFlag.GAP_BEFORE, QualityFlag.PUE_ABOVE_3));
        assertThat(QualityFlag.toColumn(unordered)).isEqualTo("PUE_ABOVE_3,GAP_BEFORE");
        assertThat(QualityFlag.toColumn(EnumSet.allOf(QualityFlag.class)))
                .isEqualTo("PUE_ABOVE_3,PUE_JUMP,IT_ABOVE_RACK_CAPACITY,GAP_BEFORE");
    }

    @Test
    void noFlagIsTheEmptyString() {
        assertThat(QualityFlag.toColumn(EnumSet.noneOf(QualityFlag.class))).isEmpty();
        assertThat(QualityFlag.fromColumn("")).isEmpty();
        assertThat(QualityFlag.fromColumn(null)).isEmpty();
    }

    @Test
    void aNameThatIsNoFlagIsAnError() {
        assertThatThrownBy(() -> QualityFlag.fromColumn("PUE_JUMP,NOT_A_FLAG"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOT_A_FLAG");
    }
}
