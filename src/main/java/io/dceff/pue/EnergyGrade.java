package io.dceff.pue;

/** GB 40879-2021 data-center energy grades. */
public enum EnergyGrade {
    GRADE_1,
    GRADE_2,
    GRADE_3,
    EXCEEDS_LIMIT,
    NOT_APPLICABLE,
    NO_DATA
}
