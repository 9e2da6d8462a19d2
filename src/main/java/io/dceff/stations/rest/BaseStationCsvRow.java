package io.dceff.stations.rest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A CSV row: like {@link BaseStationRow}, with the other carriers in one cell separated by {@code ;}. */
public record BaseStationCsvRow(
        String siteId, String district, String technology, LocalDate builtOn, String sharedWith) {

    public BaseStationRow row() {
        List<String> others = sharedWith == null || sharedWith.isBlank()
                ? List.of()
                : Arrays.stream(sharedWith.split(";"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        return new BaseStationRow(siteId, district, technology, builtOn, others);
    }
}
