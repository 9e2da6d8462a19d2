package io.dceff.registry;

import java.time.LocalDate;

/**
 * What other capabilities read of a data center: its keys, owner, district, size and dates, and a status: the one
 * in force at the date asked, or null when it had none yet (registered with a later effective date).
 */
public record Site(
        long id,
        String code,
        String name,
        String operatorCode,
        String district,
        int racks,
        LocalDate commissionedOn,
        LocalDate zeroCarbonCertifiedOn,
        DataCenterStatus status) {}
