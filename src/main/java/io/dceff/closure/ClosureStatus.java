package io.dceff.closure;

/** CANDIDATE meets all three criteria; NO_DATA meets racks and age with no report in the window; WATCH is close. */
public enum ClosureStatus {
    CANDIDATE,
    NO_DATA,
    WATCH,
    NONE
}
