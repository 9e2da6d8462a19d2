package io.dceff.closure;

import io.dceff.registry.DataCenterStatus;

/**
 * What a regulator decides for a candidate (关停并转): close, merge into a receiving site, convert to
 * another use, or retire. A decision under way makes the site CONSOLIDATING; once completed, a
 * converted site operates again in its new use and the others are CLOSED.
 */
public enum DecisionAction {
    CLOSE,
    MERGE,
    CONVERT,
    RETIRE;

    public DataCenterStatus statusWhenCompleted() {
        return this == CONVERT ? DataCenterStatus.OPERATING : DataCenterStatus.CLOSED;
    }
}
