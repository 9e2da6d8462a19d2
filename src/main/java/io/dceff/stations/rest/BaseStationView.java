package io.dceff.stations.rest;

import io.dceff.stations.BaseStation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record BaseStationView(
        String carrier,
        String siteId,
        String district,
        String technology,
        LocalDate builtOn,
        List<String> sharedWith,
        boolean shared,
        Instant reportedAt) {

    public static BaseStationView of(BaseStation s) {
        return new BaseStationView(
                s.carrier(),
                s.siteId(),
                s.district(),
                s.technology(),
                s.builtOn(),
                s.sharedWith(),
                s.shared(),
                s.reportedAt());
    }
}
