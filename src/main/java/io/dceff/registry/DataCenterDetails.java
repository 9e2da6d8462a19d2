package io.dceff.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A data center as registered or updated: every field an operator states. The registry's checks of references
 * and dates are {@code DataCenterService}'s; the field constraints are those of the request it came in.
 */
public record DataCenterDetails(
        String code,
        String name,
        String operatorCode,
        String district,
        String address,
        Integer racks,
        LocalDate commissionedOn,
        DataCenterStatus status,
        BigDecimal designPue,
        BigDecimal itCapacityKw,
        String coolingType,
        Boolean wasteHeatReuse,
        Boolean zeroCarbon,
        String statusNote,
        LocalDate zeroCarbonCertifiedOn) {}
