package io.dceff.registry.rest;

import io.dceff.registry.District;

public record DistrictView(String code, String nameZh, String nameEn) {
    static DistrictView of(District d) {
        return new DistrictView(d.code, d.nameZh, d.nameEn);
    }
}
