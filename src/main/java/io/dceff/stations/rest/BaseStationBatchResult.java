package io.dceff.stations.rest;

import io.dceff.stations.service.BaseStationService.Upserted;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The counts of a stored batch of base stations: rows, new sites and updated ones. */
@Schema(name = "BaseStationBatchResult")
public record BaseStationBatchResult(int rows, int inserted, int updated) {

    public static BaseStationBatchResult of(Upserted u) {
        return new BaseStationBatchResult(u.rows(), u.inserted(), u.updated());
    }
}
