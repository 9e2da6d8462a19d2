package io.dceff.stations;

import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.stations.SharingChange.Bucket;
import io.dceff.stations.SharingChange.Counts;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharingChangeTest {

    private static final LocalDate IN_2024 = LocalDate.of(2024, 3, 1);
    private static final LocalDate IN_2025 = LocalDate.of(2025, 12, 31);

    @Test
    void aNewSiteCountsInItsYearAndDistrictAndAsSharedOnlyWhenShared() {
        SharingChange change = new SharingChange();
        change.add("310101", IN_2024, true);
        change.add("310101", IN_2024, false);
        change.add("310104", IN_2025, false);
        assertThat(change.changed())
                .containsExactly(
                        Map.entry(new Bucket(2024, "310101"), new Counts(2, 1)),
                        Map.entry(new Bucket(2025, "310104"), new Counts(1, 0)));
    }

    @Test
    void aSiteMovedToAnotherYearLeavesItsOldBucket() {
        SharingChange change = new SharingChange();
        change.remove("310101", IN_2024, true);
        change.add("310101", IN_2025, true);
        assertThat(change.changed())
                .containsExactly(
                        Map.entry(new Bucket(2024, "310101"), new Counts(-1, -1)),
                        Map.entry(new Bucket(2025, "310101"), new Counts(1, 1)));
    }

    @Test
    void aSiteThatBecomesSharedInPlaceChangesOnlyTheSharedCount() {
        SharingChange change = new SharingChange();
        change.remove("310101", IN_2024, false);
        change.add("310101", IN_2024, true);
        assertThat(change.changed()).containsExactly(Map.entry(new Bucket(2024, "310101"), new Counts(0, 1)));
    }

    @Test
    void aSiteReportedAgainUnchangedChangesNothing() {
        SharingChange change = new SharingChange();
        change.remove("310101", IN_2024, true);
        change.add("310101", IN_2024, true);
        assertThat(change.changed()).isEmpty();
    }

    @Test
    void bucketsComeOutInOneOrderWhateverTheOrderOfTheRows() {
        SharingChange change = new SharingChange();
        change.add("310115", IN_2025, false);
        change.add("310101", IN_2025, false);
        change.add("310115", IN_2024, false);
        assertThat(List.copyOf(change.changed().keySet()))
                .containsExactly(new Bucket(2024, "310115"), new Bucket(2025, "310101"), new Bucket(2025, "310115"));
    }
}
