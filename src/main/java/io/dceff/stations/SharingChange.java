package io.dceff.stations;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one batch of a carrier's base stations changes the kept counts of new builds and shared sites per
 * (year built, district): a new site adds itself to its bucket, a changed site leaves its old bucket and joins
 * its new one. Buckets come out in one fixed order, so concurrent batches lock their rows in the same order.
 */
public final class SharingChange {

    /** The year a site was built and its district: the key of the kept counts (with the carrier). */
    public record Bucket(int builtYear, String district) {
        static final Comparator<Bucket> ORDER =
                Comparator.comparingInt(Bucket::builtYear).thenComparing(Bucket::district);
    }

    /** What to add to a bucket's counts (negative when sites left it). */
    public record Counts(long newBuilds, long shared) {}

    private final Map<Bucket, long[]> changes = new TreeMap<>(Bucket.ORDER);

    /** A site as it now is: counted in its bucket. */
    public void add(String district, LocalDate builtOn, boolean shared) {
        change(district, builtOn, shared, 1);
    }

    /** A site as it was before this batch changed it: no longer counted in its old bucket. */
    public void remove(String district, LocalDate builtOn, boolean shared) {
        change(district, builtOn, shared, -1);
    }

    private void change(String district, LocalDate builtOn, boolean shared, int sign) {
        long[] counts = changes.computeIfAbsent(new Bucket(builtOn.getYear(), district), b -> new long[2]);
        counts[0] += sign;
        counts[1] += shared ? sign : 0;
    }

    /** The buckets whose counts change, in lock order; a site that stayed in its bucket unshared changes none. */
    public Map<Bucket, Counts> changed() {
        Map<Bucket, Counts> changed = new LinkedHashMap<>();
        changes.forEach((bucket, counts) -> {
            if (counts[0] != 0 || counts[1] != 0) {
                changed.put(bucket, new Counts(counts[0], counts[1]));
            }
        });
        return changed;
    }
}
