package io.dceff.stations.rest;

import io.dceff.stations.SharingRate;
import java.util.List;

/** New-build sharing of one year: overall and by district or carrier; rates are shares 0–1. */
public record SharingView(int year, String groupBy, SharingRate overall, List<SharingRate> items) {}
