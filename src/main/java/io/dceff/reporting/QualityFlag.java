package io.dceff.reporting;

import java.util.EnumSet;
import java.util.Set;

/**
 * Data-quality flags of a report (DESIGN.md): shown to regulators, never a reason to reject or lose data. Stored in
 * the quality_flags columns, a MariaDB SET of exactly these names in this order (V13); {@link #toColumn} and
 * {@link #fromColumn} are the one mapping between the two, used by every read and write.
 */
public enum QualityFlag {
    /** PUE above the plausible maximum (3.0). */
    PUE_ABOVE_3,
    /** PUE changed by more than 30% from the previous month. */
    PUE_JUMP,
    /** More IT energy than the racks could draw (racks × 2.5 kW × hours in the month). */
    IT_ABOVE_RACK_CAPACITY,
    /** Months are missing between the previous report and this one. */
    GAP_BEFORE;

    private static final QualityFlag[] ALL = values();

    /** The column's value: the names joined by commas, in declaration order; no flag is ''. */
    public static String toColumn(Set<QualityFlag> flags) {
        if (flags.isEmpty()) {
            return "";
        }
        StringBuilder value = new StringBuilder();
        for (QualityFlag flag : ALL) {
            if (flags.contains(flag)) {
                if (value.length() > 0) {
                    value.append(',');
                }
                value.append(flag.name());
            }
        }
        return value.toString();
    }

    /**
     * The flags a column holds ('' or null: none).
     *
     * @throws IllegalArgumentException for a name that is not a flag: the column and this enum have drifted apart
     */
    public static EnumSet<QualityFlag> fromColumn(String value) {
        EnumSet<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        if (value != null && !value.isEmpty()) {
            for (String name : value.split(",")) {
                flags.add(QualityFlag.valueOf(name));
            }
        }
        return flags;
    }
}
