package io.dceff.pue;

import java.math.BigDecimal;

/**
 * GB 40879-2021 energy grades by PUE: grade 1 ≤ 1.20, grade 2 ≤ 1.30, grade 3 (the limit value) ≤ 1.50.
 * Edge sites (≤ 100 racks) are outside that standard's scope.
 */
public record GradeThresholds(BigDecimal grade1Max, BigDecimal grade2Max, BigDecimal grade3Max, int edgeSiteMaxRacks) {

    public static GradeThresholds gb40879() {
        return new GradeThresholds(new BigDecimal("1.20"), new BigDecimal("1.30"), new BigDecimal("1.50"), 100);
    }

    public EnergyGrade grade(BigDecimal pue, int racks) {
        if (racks <= edgeSiteMaxRacks) {
            return EnergyGrade.NOT_APPLICABLE;
        }
        if (pue == null) {
            return EnergyGrade.NO_DATA;
        }
        if (pue.compareTo(grade1Max) <= 0) {
            return EnergyGrade.GRADE_1;
        }
        if (pue.compareTo(grade2Max) <= 0) {
            return EnergyGrade.GRADE_2;
        }
        if (pue.compareTo(grade3Max) <= 0) {
            return EnergyGrade.GRADE_3;
        }
        return EnergyGrade.EXCEEDS_LIMIT;
    }
}
