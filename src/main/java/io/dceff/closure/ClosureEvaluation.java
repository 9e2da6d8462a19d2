package io.dceff.closure;

import java.math.BigDecimal;

public record ClosureEvaluation(SiteFacts site, ClosureWindow window, ClosureStatus status, BigDecimal windowPue,
        Criterion pue, Criterion racks, Criterion age, int yearsInOperation, BigDecimal annualSavingKwh) {

    public ClosureEvaluation withSaving(BigDecimal saving) {
        return new ClosureEvaluation(site, window, status, windowPue, pue, racks, age, yearsInOperation, saving);
    }
}
