package io.dceff.stations.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record BaseStationView(String carrier, String siteId, String district, String technology, LocalDate builtOn,
        List<String> sharedWith, boolean shared, Instant reportedAt) {
}
