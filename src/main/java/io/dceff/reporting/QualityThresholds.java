package io.dceff.reporting;

import io.dceff.platform.DceffConfig;
import java.math.BigDecimal;

/** The limits beyond which a report is flagged for data quality (DESIGN.md, "Data-quality flags"). */
public record QualityThresholds(BigDecimal maxPlausiblePue, BigDecimal maxMonthOnMonthChange, BigDecimal kwPerRack) {

    /** The limits as configured: their defaults are written once, in {@link DceffConfig.Reports}. */
    public static QualityThresholds of(DceffConfig.Reports config) {
        return new QualityThresholds(config.maxPlausiblePue(), config.maxMonthOnMonthChange(), config.kwPerRack());
    }
}
