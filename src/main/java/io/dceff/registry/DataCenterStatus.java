package io.dceff.registry;

/** The life of a data center (DESIGN.md, Data centers). */
public enum DataCenterStatus {
    PLANNED,
    OPERATING,
    CONSOLIDATING,
    CLOSED
}
