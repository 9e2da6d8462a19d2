package io.dceff.pue;

import java.math.BigDecimal;
import java.time.YearMonth;

public record MonthlyPue(YearMonth period, BigDecimal facilityKwh, BigDecimal itKwh, BigDecimal pue) {}
