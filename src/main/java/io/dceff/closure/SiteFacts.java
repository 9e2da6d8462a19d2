package io.dceff.closure;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the closure rule knows of one site: window sums are over its reported months (zero when none). */
public record SiteFacts(
        String code,
        String district,
        int racks,
        LocalDate commissionedOn,
        BigDecimal windowFacilityKwh,
        BigDecimal windowItKwh,
        int monthsOfData,
        Integer latestRacksInUse) {}
