package io.dceff.dashboard.rest;

import io.dceff.dashboard.DistrictSummary;
import java.time.LocalDate;
import java.util.List;

/** The district summary of a year, with the date the site counts were taken at and how PUE is computed. */
public record DistrictSummaryView(int year, LocalDate measuredAt, String method, List<DistrictSummary> items) {

    public static final String METHOD = "dataCenters and racks: sites OPERATING or CONSOLIDATING at measuredAt (the "
            + "year's end, or today for the current year), by their status history; reportingDataCenters, facilityKwh "
            + "and itKwh: the year's energy reports (latest revisions); pue = Σ facilityKwh ÷ Σ itKwh.";
}
