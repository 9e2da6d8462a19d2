package io.dceff.targets;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a target stands at its measuring date (DESIGN.md, Targets). */
@Schema(
        description = "MET: the target is reached. Otherwise, once the deadline is over at the measuring date (the "
                + "end of its day): MISSED; before it, ON_TRACK when progress ≥ the share of the plan period elapsed, else "
                + "BEHIND. NO_BASELINE: no figure to judge (actual is null), e.g. no assessment as of the measuring date for "
                + "closure progress, or none of its candidates in the district.")
public enum TargetStatus {
    /** The target is reached. */
    MET,
    /** Before the deadline, progress keeps pace with the elapsed share of the plan period. */
    ON_TRACK,
    /** Before the deadline, progress lags the elapsed share of the plan period. */
    BEHIND,
    /** The deadline is over and the target was not reached. */
    MISSED,
    /** No figure: nothing to measure against at the measuring date. */
    NO_BASELINE
}
