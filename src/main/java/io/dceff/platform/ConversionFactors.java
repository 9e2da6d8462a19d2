package io.dceff.platform;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.stream.Stream;

/**
 * The dated factor table of DESIGN.md (Conversion factors): electricity to standard coal (equivalent
 * value, GB/T 2589) and grid CO2 emissions (Shanghai, with the national averages for comparison).
 */
public final class ConversionFactors {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final ConversionFactor coal;
    private final ConversionFactor grid;
    private final List<ConversionFactor> all;

    private ConversionFactors(ConversionFactor coal, ConversionFactor grid, List<ConversionFactor> others) {
        this.coal = coal;
        this.grid = grid;
        this.all = List.copyOf(
                Stream.concat(Stream.of(coal, grid), others.stream()).toList());
    }

    /** The table with the coal and Shanghai grid factors as configured. */
    public static ConversionFactors of(BigDecimal kgcePerKwh, BigDecimal kgCo2PerKwh) {
        return new ConversionFactors(
                new ConversionFactor(
                        "STANDARD_COAL_EQUIVALENT",
                        kgcePerKwh,
                        "kgce/kWh",
                        "CN",
                        2020,
                        "GB/T 2589-2020, equivalent value"),
                new ConversionFactor(
                        "GRID_CO2_SHANGHAI",
                        kgCo2PerKwh,
                        "kgCO2/kWh",
                        "Shanghai",
                        2022,
                        "沪环气〔2022〕34号 (4.2 tCO2 per 10⁴ kWh)"),
                List.of(
                        new ConversionFactor(
                                "GRID_CO2_NATIONAL",
                                new BigDecimal("0.5366"),
                                "kgCO2/kWh",
                                "CN",
                                2022,
                                "MEE/NBS national average, for comparison"),
                        new ConversionFactor(
                                "GRID_CO2_NATIONAL",
                                new BigDecimal("0.5306"),
                                "kgCO2/kWh",
                                "CN",
                                2023,
                                "MEE/NBS national average, for comparison")));
    }

    /** The factors as configured: their defaults are written once, in {@link DceffConfig.Factors}. */
    public static ConversionFactors of(DceffConfig.Factors config) {
        return of(config.coalKgcePerKwh(), config.gridKgCo2PerKwh());
    }

    public ConversionFactor coal() {
        return coal;
    }

    public ConversionFactor grid() {
        return grid;
    }

    public List<ConversionFactor> all() {
        return all;
    }

    /** Tonnes of standard coal equivalent. */
    public BigDecimal toTce(BigDecimal kwh) {
        return kwh.multiply(coal.value()).divide(THOUSAND, MathContext.DECIMAL128);
    }

    /** Tonnes of CO2 from the Shanghai grid factor. */
    public BigDecimal toTco2(BigDecimal kwh) {
        return kwh.multiply(grid.value()).divide(THOUSAND, MathContext.DECIMAL128);
    }
}
