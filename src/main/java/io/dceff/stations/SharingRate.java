package io.dceff.stations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * New-build sharing (DESIGN.md, Base stations): a site is shared when at least one other carrier uses
 * it; the rate of a year is shared new builds ÷ new builds, the plan's target being 100%.
 */
public record SharingRate(
        String key,
        long newBuilds,
        long shared,

        @Schema(nullable = true, description = "shared ÷ newBuilds, 0–1; null without new builds")
        BigDecimal rate) {

    /** @return the rate as a share 0–1 with four decimals, null when nothing was built */
    public static SharingRate of(String key, long newBuilds, long shared) {
        if (shared < 0 || newBuilds < 0 || shared > newBuilds) {
            throw new IllegalArgumentException("shared must be between 0 and newBuilds");
        }
        BigDecimal rate = newBuilds == 0
                ? null
                : BigDecimal.valueOf(shared).divide(BigDecimal.valueOf(newBuilds), 4, RoundingMode.HALF_UP);
        return new SharingRate(key, newBuilds, shared, rate);
    }

    public long unshared() {
        return newBuilds - shared;
    }
}
