package io.dceff.reporting.service;

import io.dceff.platform.jdbc.Jdbc;
import io.dceff.reporting.StoredReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Each data center's energy summed over a 12-month window, for rules that answer for every site at once
 * (the closure rule). Reporting owns energy_report, so this is the one place the window sums are written.
 *
 * <p>The totals of one window (energy_window_total, V13) are kept up to date inside the transaction of every
 * report and correction, so the current window costs one row per site to read. Any other window is summed
 * from the reports themselves: the answer is the same, only slower. Writers take a shared lock on the window
 * row and a rebuild an exclusive one, so a rebuild never interleaves with a write it cannot see.
 */
@ApplicationScoped
public class WindowTotals {

    /** Facility and IT energy summed, months counted, and the latest racks in use of the window. */
    private static final String AGGREGATE = "SELECT data_center_id, SUM(facility_kwh) facility_kwh, SUM(it_kwh) it_kwh,"
            + " COUNT(*) months,"
            // the latest racks in use of the window: the month prefixed, the largest taken, the month cut off
            + " CAST(SUBSTRING(MAX(IF(racks_in_use IS NULL, NULL, CONCAT(period, LPAD(racks_in_use, 10, '0')))), 11)"
            + "   AS UNSIGNED) racks_in_use"
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
        YearMonth[] kept = window(false);
        return kept != null && kept[0].equals(first) && kept[1].equals(last);
    }

    /**
     * Makes the kept totals those of this window (the current one, when the month rolls over): every site
     * summed afresh, in a transaction of its own, once per window.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void rebuild(YearMonth first, YearMonth last) {
        List<Object> found = new ArrayList<>();
        jdbc.query("SELECT first_period, last_period FROM energy_window WHERE id = 1 FOR UPDATE", List.of(),
                rs -> found.add(YearMonth.from(rs.getObject(1, LocalDate.class)) + "/"
                        + YearMonth.from(rs.getObject(2, LocalDate.class))));
        if (found.contains(first + "/" + last)) {
            return; // built by another call meanwhile
        }
        jdbc.update("DELETE FROM energy_window_total", List.of());
        jdbc.update("INSERT INTO energy_window_total (data_center_id, facility_kwh, it_kwh, months, racks_in_use) "
                + AGGREGATE + " GROUP BY data_center_id", List.of(first.atDay(1), last.atDay(1)));
        jdbc.update("INSERT INTO energy_window (id, first_period, last_period, built_at) VALUES (1, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE first_period = VALUES(first_period), last_period = VALUES(last_period),"
                + " built_at = VALUES(built_at)", List.of(first.atDay(1), last.atDay(1), LocalDateTime.now()));
    }

    /**
     * Re-sums the kept window of the data centers of these reports, just written in the caller's transaction;
     * nothing to do for months outside the window, or when there are no totals yet.
     */
    void refresh(Collection<StoredReport> written) {
        YearMonth[] kept = window(true);
        if (kept == null) {
            return;
        }
        Set<Long> dataCenterIds = new TreeSet<>();
        for (StoredReport r : written) {
            if (!r.period().isBefore(kept[0]) && !r.period().isAfter(kept[1])) {
                dataCenterIds.add(r.dataCenterId());
            }
        }
        for (List<Long> chunk : Jdbc.chunks(List.copyOf(dataCenterIds))) {
            List<Object> params = new ArrayList<>(List.of(kept[0].atDay(1), kept[1].atDay(1)));
            params.addAll(chunk);
            jdbc.update("INSERT INTO energy_window_total (data_center_id, facility_kwh, it_kwh, months, racks_in_use) "
                    + AGGREGATE + " AND data_center_id IN (" + Jdbc.placeholders(chunk.size()) + ")"
                    + " GROUP BY data_center_id ON DUPLICATE KEY UPDATE facility_kwh = VALUES(facility_kwh),"
                    + " it_kwh = VALUES(it_kwh), months = VALUES(months), racks_in_use = VALUES(racks_in_use)", params);
        }
    }

    /** The kept window, first and last month, or null; locked for share when a write is about to change it. */
    private YearMonth[] window(boolean forWrite) {
        YearMonth[][] found = new YearMonth[1][];
        jdbc.query("SELECT first_period, last_period FROM energy_window WHERE id = 1"
                + (forWrite ? " LOCK IN SHARE MODE" : ""), List.of(), rs -> found[0] = new YearMonth[] {
                        YearMonth.from(rs.getObject(1, LocalDate.class)), YearMonth.from(rs.getObject(2, LocalDate.class))});
        return found[0];
    }
}
