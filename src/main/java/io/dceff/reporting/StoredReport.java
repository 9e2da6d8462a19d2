package io.dceff.reporting;

import io.dceff.pue.MonthlyEnergy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;

/** A stored report (the latest revision of its month, or one revision of the history). */
public record StoredReport(
        long dataCenterId,
        YearMonth period,
        int revision,
        BigDecimal facilityKwh,
        BigDecimal itKwh,
        BigDecimal renewableKwh,
        BigDecimal reusedKwh,
        BigDecimal waterM3,
        Integer racksInUse,
        Integer pueCategory,
        EnumSet<QualityFlag> flags,
        Instant submittedAt,
        String submittedBy,
        Long batchId,
        String note) {

    public MonthlyEnergy energy() {
        return new MonthlyEnergy(period, facilityKwh, itKwh, renewableKwh, reusedKwh, waterM3);
    }

    public StoredReport withFlags(EnumSet<QualityFlag> newFlags) {
        return new StoredReport(
                dataCenterId,
                period,
                revision,
                facilityKwh,
                itKwh,
                renewableKwh,
                reusedKwh,
                waterM3,
                racksInUse,
                pueCategory,
                newFlags,
                submittedAt,
                submittedBy,
                batchId,
                note);
    }

    public StoredReport inBatch(long id) {
        return new StoredReport(
                dataCenterId,
                period,
                revision,
                facilityKwh,
                itKwh,
                renewableKwh,
                reusedKwh,
                waterM3,
                racksInUse,
                pueCategory,
                flags,
                submittedAt,
                submittedBy,
                id,
                note);
    }
}
