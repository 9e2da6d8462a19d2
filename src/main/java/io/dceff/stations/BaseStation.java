package io.dceff.stations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored base station: shared when at least one other carrier is on the site. */
public record BaseStation(
        String carrier,
        String siteId,
        String district,
        String technology,
        LocalDate builtOn,
        List<String> sharedWith,
        boolean shared,
        Instant reportedAt) {}
