package io.dceff.reporting.service;

import io.dceff.platform.jdbc.Jdbc;
import io.dceff.reporting.StoredReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each data center's energy summed over a 12-month window, for rules that answer for every site at once
 * (the closure rule). Reporting owns energy_report, so this is the one place the window sums are written.
 *
 * <p>The totals of one window (energy_window_total, V12) are kept up to date inside the transaction of every
 * report and correction, so the current window costs one row per site to read. A write adds what it changed
 * (new months, a correction's difference) to its sites' rows: additions commute, and a row lock per site is
 * all they take, so concurrent batches never lock each other's reports. Any other window is summed
 * from the reports themselves: the answer is the same, only slower. Every write of reports holds the window
 * row shared ({@link #holdForWrite()}) before it locks any report, and a rebuild holds it exclusively before
 * anything else: a rebuild waits for the writes in flight and new writes wait for it, and neither can hold
 * what the other waits for.
 */
@ApplicationScoped
public class WindowTotals {

    /** Facility and IT energy summed, months counted, and the latest racks in use of the window. */
    private static final String AGGREGATE = "SELECT data_center_id, SUM(facility_kwh) facility_kwh, SUM(it_kwh) it_kwh,"
            + " COUNT(*) months,"
            // the latest racks in use of the window: the month prefixed, the largest taken, the month cut off
            + " CAST(SUBSTRING(MAX(IF(racks_in_use IS NULL, NULL, CONCAT(period, LPAD(racks_in_use, 10, '0')))), 11)"
            + "   AS UNSIGNED) racks_in_use,"
            + " CAST(LEFT(MAX(IF(racks_in_use IS NULL, NULL, CONCAT(period, LPAD(racks_in_use, 10, '0')))), 10) AS DATE)"
            + "   racks_period"
            + " FROM energy_report WHERE period BETWEEN ? AND ?";

    @Inject
    Jdbc jdbc;

    /**
     * A table expression with the columns data_center_id, facility_kwh, it_kwh, months and racks_in_use, one row
     * per data center with reports in the window, to join in a statement; its parameters come first.
     */
    public record Source(String sql, List<Object> params) {
    }

    /** The window sums summed afresh from the reports, for any window. */
    public Source aggregate(YearMonth first, YearMonth last) {
        return new Source("(" + AGGREGATE + " GROUP BY data_center_id)", List.of(first.atDay(1), last.atDay(1)));
    }

    /** The kept totals when they are of this window, else the reports summed afresh. */
    public Source of(YearMonth first, YearMonth last) {
        return holds(first, last) ? new Source("energy_window_total", List.of()) : aggregate(first, last);
    }

    /** Whether the kept totals are those of this window. */
    public boolean holds(YearMonth first, YearMonth last) {
        YearMonth[] kept = window("");
        return kept != null && kept[0].equals(first) && kept[1].equals(last);
    }

    /**
     * Makes the kept totals those of this window (the current one, when the month rolls over): every site
     * summed afresh, in a transaction of its own, once per window.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void rebuild(YearMonth first, YearMonth last) {
        List<Object> found = new ArrayList<>();
        // the first lock of the transaction: it waits for the writes in flight (see the class comment)
        jdbc.query("SELECT first_period, last_period FROM energy_window WHERE id = 1 FOR UPDATE", List.of(),
                rs -> found.add(YearMonth.from(rs.getObject(1, LocalDate.class)) + "/"
                        + YearMonth.from(rs.getObject(2, LocalDate.class))));
        if (found.contains(first + "/" + last)) {
            return; // built by another call meanwhile
        }
        jdbc.update("DELETE FROM energy_window_total", List.of());
        jdbc.update("INSERT INTO energy_window_total (data_center_id, facility_kwh, it_kwh, months, racks_in_use,"
                + " racks_period) SELECT data_center_id, facility_kwh, it_kwh, months, racks_in_use, racks_period FROM ("
                + AGGREGATE + " GROUP BY data_center_id) w", List.of(first.atDay(1), last.atDay(1)));
        jdbc.update("UPDATE energy_window SET first_period = ?, last_period = ?, built_at = ? WHERE id = 1",
                List.of(first.atDay(1), last.atDay(1), LocalDateTime.now()));
    }

    /**
     * Holds the window row shared until the caller's transaction ends, and gives the kept window: called by every
     * write of reports before it locks any (see the class comment).
     */
    YearMonth[] holdForWrite() {
        return window(" LOCK IN SHARE MODE");
    }

    /** Adds new months, just stored in the caller's transaction (after {@link #holdForWrite()}), to the totals. */
    void added(YearMonth[] kept, Collection<StoredReport> reports) {
        Map<Long, Delta> deltas = new TreeMap<>(); // by id: rows locked in one order
        for (StoredReport r : reports) {
            if (inside(kept, r.period())) {
                deltas.computeIfAbsent(r.dataCenterId(), Delta::new).add(r.facilityKwh(), r.itKwh(), 1, r);
            }
        }
        apply(deltas.values());
    }

    /** Adds a correction's difference, just stored in the caller's transaction, to the totals. */
    void replaced(YearMonth[] kept, StoredReport previous, StoredReport corrected) {
        if (!inside(kept, corrected.period())) {
            return;
        }
        Delta delta = new Delta(corrected.dataCenterId());
        delta.add(corrected.facilityKwh().subtract(previous.facilityKwh()), corrected.itKwh().subtract(previous.itKwh()),
                0, corrected);
        apply(List.of(delta));
        if (corrected.racksInUse() == null && previous.racksInUse() != null) {
            // the latest racks in use may have been this month's: the latest other one, read under lock (rare)
            LocalDate month = corrected.period().atDay(1);
            jdbc.update("UPDATE energy_window_total t SET"
                    + " t.racks_in_use = (SELECT r.racks_in_use FROM energy_report r WHERE r.data_center_id = t.data_center_id"
                    + "   AND r.period BETWEEN ? AND ? AND r.racks_in_use IS NOT NULL ORDER BY r.period DESC LIMIT 1),"
                    + " t.racks_period = (SELECT MAX(r.period) FROM energy_report r WHERE r.data_center_id = t.data_center_id"
                    + "   AND r.period BETWEEN ? AND ? AND r.racks_in_use IS NOT NULL)"
                    + " WHERE t.data_center_id = ? AND t.racks_period = ?", List.of(kept[0].atDay(1), kept[1].atDay(1),
                            kept[0].atDay(1), kept[1].atDay(1), corrected.dataCenterId(), month));
        }
    }

    /** What a write adds to one site's totals; the latest racks in use it reports, with its month. */
    private static final class Delta {
        final long dataCenterId;
        BigDecimal facility = BigDecimal.ZERO;
        BigDecimal it = BigDecimal.ZERO;
        int months;
        Integer racks;
        LocalDate racksPeriod;

        Delta(long dataCenterId) {
            this.dataCenterId = dataCenterId;
        }

        void add(BigDecimal facility, BigDecimal it, int months, StoredReport r) {
            this.facility = this.facility.add(facility);
            this.it = this.it.add(it);
            this.months += months;
            if (r.racksInUse() != null && (racksPeriod == null || !r.period().atDay(1).isBefore(racksPeriod))) {
                racks = r.racksInUse();
                racksPeriod = r.period().atDay(1);
            }
        }
    }

    private void apply(Collection<Delta> deltas) {
        // racks_in_use is set before racks_period, so both compare with the month held before this write
        jdbc.batch("INSERT INTO energy_window_total (data_center_id, facility_kwh, it_kwh, months, racks_in_use,"
                + " racks_period) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                + " facility_kwh = facility_kwh + VALUES(facility_kwh), it_kwh = it_kwh + VALUES(it_kwh),"
                + " months = months + VALUES(months),"
                + " racks_in_use = IF(VALUES(racks_period) IS NOT NULL AND (racks_period IS NULL"
                + "   OR VALUES(racks_period) >= racks_period), VALUES(racks_in_use), racks_in_use),"
                + " racks_period = IF(VALUES(racks_period) IS NOT NULL AND (racks_period IS NULL"
                + "   OR VALUES(racks_period) >= racks_period), VALUES(racks_period), racks_period)",
                List.copyOf(deltas), (ps, d) -> {
                    ps.setLong(1, d.dataCenterId);
                    ps.setBigDecimal(2, d.facility);
                    ps.setBigDecimal(3, d.it);
                    ps.setInt(4, d.months);
                    Jdbc.setInteger(ps, 5, d.racks);
                    ps.setObject(6, d.racksPeriod);
                });
    }

    private static boolean inside(YearMonth[] kept, YearMonth month) {
        return !month.isBefore(kept[0]) && !month.isAfter(kept[1]);
    }

    /** The kept window, first and last month. */
    private YearMonth[] window(String lock) {
        YearMonth[][] found = new YearMonth[1][];
        jdbc.query("SELECT first_period, last_period FROM energy_window WHERE id = 1" + lock, List.of(),
                rs -> found[0] = new YearMonth[] {YearMonth.from(rs.getObject(1, LocalDate.class)),
                        YearMonth.from(rs.getObject(2, LocalDate.class))});
        return found[0];
    }
}
