package io.dceff.closure;

import java.math.BigDecimal;

public record ClosureEvaluation(
        SiteFacts site,
        ClosureStatus status,
        BigDecimal windowPue,
        Criterion pue,
        Criterion racks,
        Criterion age,
        int yearsInOperation,
        BigDecimal annualSavingKwh) {

    public ClosureEvaluation withSaving(BigDecimal saving) {
        return new ClosureEvaluation(site, status, windowPue, pue, racks, age, yearsInOperation, saving);
    }
}
