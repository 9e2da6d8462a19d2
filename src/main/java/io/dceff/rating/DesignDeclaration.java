package io.dceff.rating;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What an operator declares of a site's green design (DESIGN.md, Green-design star rating), the input of a rating
 * scheme; shares are 0–1. Kept with each rating as JSON, absent values left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DesignDeclaration(
        BigDecimal designPue,
        BigDecimal renewableShare,
        BigDecimal wasteHeatReuseFactor,
        BigDecimal designWue,
        BigDecimal liquidCoolingShare,
        BigDecimal catalogueEquipmentShare,
        Boolean modular,
        Boolean distributedPower,
        Integer meteringCategory) {

    /** Field names a rating scheme may refer to. */
    public static final Set<String> FIELDS = Set.of(
            "designPue",
            "renewableShare",
            "wasteHeatReuseFactor",
            "designWue",
            "liquidCoolingShare",
            "catalogueEquipmentShare",
            "modular",
            "distributedPower",
            "meteringCategory");

    /** The declared values by field name, absent ones left out. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, "designPue", designPue);
        put(values, "renewableShare", renewableShare);
        put(values, "wasteHeatReuseFactor", wasteHeatReuseFactor);
        put(values, "designWue", designWue);
        put(values, "liquidCoolingShare", liquidCoolingShare);
        put(values, "catalogueEquipmentShare", catalogueEquipmentShare);
        put(values, "modular", modular);
        put(values, "distributedPower", distributedPower);
        put(values, "meteringCategory", meteringCategory);
        return values;
    }

    private static void put(Map<String, Object> values, String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
