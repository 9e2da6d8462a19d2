package io.dceff.targets;

/** MET when the target is reached; ON_TRACK when progress keeps pace with the elapsed plan period; else BEHIND. */
public enum TargetStatus {
    MET, ON_TRACK, BEHIND
}
