package io.dceff.reporting;

/** Data-quality flags of a report (DESIGN.md): shown to regulators, never a reason to reject or lose data. */
public enum QualityFlag {
    /** PUE above the plausible maximum (3.0). */
    PUE_ABOVE_3,
    /** PUE changed by more than 30% from the previous month. */
    PUE_JUMP,
    /** More IT energy than the racks could draw (racks × 2.5 kW × hours in the month). */
    IT_ABOVE_RACK_CAPACITY,
    /** Months are missing between the previous report and this one. */
    GAP_BEFORE
}
