package io.dceff.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic synthetic data at any scale, the same for the same seed: operators with about a hundred data
 * centers each, their monthly reports (IT load from racks and utilisation, a site-specific PUE with a
 * summer peak), and carriers' base stations built 2015–2026 with sharing rising over the years.
 * Nothing is stored: rows are made on demand, so the generator itself uses no memory at any scale.
 */
public final class SyntheticData {

    public static final List<String> DISTRICTS = List.of(
            "310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112", "310113", "310114",
            "310115", "310116", "310117", "310118", "310120", "310151");
    private static final List<String> TECHNOLOGIES = List.of("4G", "5G", "5G", "5G", "NB-IoT");
    public static final int DATA_CENTERS_PER_OPERATOR = 100;

    private final long seed;
    public final int dataCenters;
    public final int months;
    public final int stations;
    public final int carriers;
    /** The last reported month; the closure rule is asked at its last day. */
    public final YearMonth lastMonth;

    public SyntheticData(long seed, int dataCenters, int months, int stations, int carriers, YearMonth lastMonth) {
        this.seed = seed;
        this.dataCenters = dataCenters;
        this.months = months;
        this.stations = stations;
        this.carriers = carriers;
        this.lastMonth = lastMonth;
    }

    public record Site(
            int index,
            String code,
            String operator,
            String district,
            int racks,
            LocalDate commissionedOn,
            double pue,
            double utilisation) {}

    public record Report(String dataCenter, YearMonth period, long facilityKwh, long itKwh) {}

    public record Station(
            String carrier, String siteId, String district, String technology, LocalDate builtOn, String sharedWith) {}

    public int operators() {
        return (dataCenters + DATA_CENTERS_PER_OPERATOR - 1) / DATA_CENTERS_PER_OPERATOR;
    }

    public static String operatorCode(int i) {
        return String.format("BOP-%05d", i);
    }

    public static String carrierCode(int i) {
        return String.format("BCA-%02d", i);
    }

    public YearMonth firstMonth() {
        return lastMonth.minusMonths(months - 1L);
    }

    public Site site(int i) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        // racks: many small rooms, few large halls (log-uniform 10..5000)
        int racks = (int) Math.round(Math.exp(Math.log(10) + r.nextDouble() * (Math.log(5000) - Math.log(10))));
        LocalDate commissioned = LocalDate.of(1998, 1, 1).plusDays(r.nextInt(365 * 24));
        if (!commissioned.isBefore(firstMonth().atDay(1))) {
            commissioned = firstMonth().minusYears(1).atDay(1);
        }
        // older and smaller sites run less efficiently
        double age = firstMonth().getYear() - commissioned.getYear();
        double pue = 1.15 + r.nextDouble() * 0.35 + age * 0.012 + (racks < 200 ? 0.08 : 0) + r.nextDouble() * 0.15;
        return new Site(
                i,
                String.format("BDC-%06d", i),
                operatorCode(i / DATA_CENTERS_PER_OPERATOR),
                DISTRICTS.get(r.nextInt(DISTRICTS.size())),
                racks,
                commissioned,
                pue,
                0.3 + r.nextDouble() * 0.5);
    }

    public Report report(Site site, int month) {
        YearMonth period = firstMonth().plusMonths(month);
        SplittableRandom r = new SplittableRandom(seed * 7_919L + site.index() * 131L + month);
        double it =
                site.racks() * 4.0 * period.lengthOfMonth() * 24 * site.utilisation() * (0.95 + r.nextDouble() * 0.1);
        double summer = 1 + 0.06 * Math.cos((period.getMonthValue() - 7) / 12.0 * 2 * Math.PI);
        long itKwh = Math.max(1, Math.round(it));
        long facilityKwh = Math.max(itKwh, Math.round(it * site.pue() * summer));
        return new Report(site.code(), period, facilityKwh, itKwh);
    }

    /** The years the stations are built in. */
    static final int FIRST_BUILT_YEAR = 2015;

    static final int LAST_BUILT_YEAR = 2026;

    public Station station(int i) {
        SplittableRandom r = new SplittableRandom(seed * 104_729L + i);
        int carrier = i % carriers;
        int year = FIRST_BUILT_YEAR + r.nextInt(LAST_BUILT_YEAR - FIRST_BUILT_YEAR + 1);
        LocalDate built = LocalDate.of(year, 1, 1).plusDays(r.nextInt(year == LAST_BUILT_YEAR ? 300 : 365));
        double sharing = Math.min(0.93, 0.35 + (year - FIRST_BUILT_YEAR) * 0.06);
        String shared = r.nextDouble() < sharing ? carrierCode((carrier + 1 + r.nextInt(carriers - 1)) % carriers) : "";
        return new Station(
                carrierCode(carrier),
                String.format("S%07d", i),
                DISTRICTS.get(r.nextInt(DISTRICTS.size())),
                TECHNOLOGIES.get(r.nextInt(TECHNOLOGIES.size())),
                built,
                shared);
    }
}
