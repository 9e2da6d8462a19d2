package io.dceff.platform.json;

import java.math.BigDecimal;

/** Figures as submitted: DECIMAL columns pad with zeros (150000.000); answers drop the padding, never round. */
public final class Decimals {

    private Decimals() {}

    public static BigDecimal exact(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
