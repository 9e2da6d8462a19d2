package io.dceff.reporting.service;

import io.dceff.platform.jdbc.DatabaseErrors;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.reporting.StoredReport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Each data center's energy summed over a 12-month window, for rules that answer for every site at once (the
 * closure rule). Reporting owns energy_report, so this is the one place the window sums are written.
 *
 * <p>energy_window_total (V12) holds one row per site with reports: the sums of the window ending its last_period.
 * A row is true whenever it names a window, with writers on any number of Galera nodes and no lock between them:
 * <ul>
 * <li>Every write of a site's reports upserts the site's row in the write's transaction, rows in data-center order.
 * A row of the writer's window (today's, {@link #keptLast}) gets the write's difference added; additions commute, so
 * concurrent writers need only the row itself, which InnoDB locks on one node and Galera certifies across nodes (the
 * loser is rolled back and its transaction retried). A row of any other window, or one whose racks in use a
 * correction has just removed, is set to no window (NULL). Every write adds one to writes.
 * <li>Reading, a row that does not name the window asked for is never taken as its sums: that site is summed from
 * its reports in the same statement, so the answer is always the full aggregate's.
 * <li>{@link #refresh} sums the other rows afresh for today's window, and a row takes the new sums only if its
 * writes is still what was read with them: a write committed in between leaves it for the next refresh.
 * </ul>
 * A site's first write creates its row from its difference when the site had no reports before, else as no window;
 * V12 created a row of no window for every site with reports. When the month turns, the first question about the
 * new window starts summing every row afresh in the background (in chunks, each its own transaction); until it is
 * done the answer is the reports summed afresh.
 */
@ApplicationScoped
public class WindowTotals {

    private static final Logger LOG = Logger.getLogger(WindowTotals.class);

    /** Rows summed afresh per transaction. */
    private static final int REFRESH_CHUNK = 1000;

    /** Rows of other windows summed afresh before an answer (a few tenths of a second); more, in the background. */
    private static final int REFRESH_NOW = 5 * REFRESH_CHUNK;

    /** One thread per replica, for the refresh after the month turns. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "window-totals-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private Future<Integer> running;

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    /**
     * The window's sums to join in a statement: {@link #joins} gives the joins for a data center's id expression,
     * their parameters in {@link #params}, and the four columns are SQL expressions over them (null when the site
     * has no report in the window).
     */
    public record Source(
            String joinsTemplate,
            String facilityKwh,
            String itKwh,
            String months,
            String racksInUse,
            List<Object> params) {

        public String joins(String dataCenterId) {
            return joinsTemplate.replace("{id}", dataCenterId);
        }
    }

    /**
     * The last month of the window kept in energy_window_total on a day: that of DESIGN.md's closure window, the 12
     * months ending with the last month that ends on or before the day. A window other than this one is still
     * answered right, from the reports.
     */
    public static YearMonth keptLast(LocalDate today) {
        YearMonth month = YearMonth.from(today);
        return today.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
    }

    /** The window's sums from the reports themselves, for any window. */
    public Source aggregate(YearMonth first, YearMonth last) {
        return new Source(
                "LEFT JOIN (SELECT r.data_center_id, " + sums("r") + " FROM energy_report r"
                        + " WHERE r.period BETWEEN ? AND ? GROUP BY r.data_center_id) w ON w.data_center_id = {id}",
                "w.facility_kwh",
                "w.it_kwh",
                "w.months",
                "w.racks_in_use",
                List.of(month(first), month(last)));
    }

    /**
     * The window's sums. For today's window the kept rows ({@link #kept}), once those of other windows are summed
     * afresh: here and now when they are few (corrections, new sites of a lagging writer), in the background when
     * the month has just turned and they are most, and until then the reports summed afresh (a range of one index,
     * cheaper than site by site). For any other window the reports summed afresh.
     */
    public Source of(YearMonth first, YearMonth last) {
        if (!last.equals(keptLast(LocalDate.now(clock))) || !first.equals(last.minusMonths(11))) {
            return aggregate(first, last);
        }
        long other = jdbc.one(
                "SELECT COUNT(*) AS other FROM energy_window_total WHERE last_period IS NULL OR last_period <> ?",
                List.of(month(last)),
                rs -> rs.getLong("other"));
        if (other == 0) {
            return kept(last);
        }
        boolean few = other <= REFRESH_NOW;
        if (few && !refreshing()) {
            refresh(last);
        } else {
            refreshInBackground(last);
        }
        return few ? kept(last) : aggregate(first, last);
    }

    /**
     * Starts {@link #refresh} on this replica's background thread, unless one is running; the refresh under way
     * either way, to wait for.
     */
    public Future<Integer> refreshInBackground(YearMonth last) {
        synchronized (background) {
            Future<Integer> running = this.running;
            if (running == null || running.isDone()) {
                running = background.submit(() -> {
                    try {
                        return refresh(last);
                    } catch (RuntimeException e) {
                        LOG.warnf("window totals ending %s not summed afresh: %s", last, e.getMessage());
                        throw e;
                    }
                });
                this.running = running;
            }
            return running;
        }
    }

    private boolean refreshing() {
        synchronized (background) {
            return running != null && !running.isDone();
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /**
     * The sums of the 12 months ending {@code last} from the kept rows that name this window, and for the sites whose
     * row names another window, or none, from their reports: the full aggregate's answer, cheap when the rows are
     * today's.
     */
    public Source kept(YearMonth last) {
        YearMonth first = last.minusMonths(11);
        return new Source(
                "LEFT JOIN energy_window_total wt ON wt.data_center_id = {id} AND wt.last_period = ?"
                        + " LEFT JOIN (SELECT r.data_center_id, " + sums("r") + " FROM energy_window_total s"
                        + "   JOIN energy_report r ON r.data_center_id = s.data_center_id AND r.period BETWEEN ? AND ?"
                        + "   WHERE s.last_period IS NULL OR s.last_period <> ? GROUP BY r.data_center_id) wa"
                        + " ON wa.data_center_id = {id}",
                "COALESCE(wt.facility_kwh, wa.facility_kwh)",
                "COALESCE(wt.it_kwh, wa.it_kwh)",
                "COALESCE(wt.months, wa.months)",
                "IF(wt.data_center_id IS NULL, wa.racks_in_use, wt.racks_in_use)",
                List.of(month(last), month(first), month(last), month(last)));
    }

    /**
     * Sums afresh, for the window ending {@code last}, every row of another window or of none. Each chunk of rows is
     * a transaction of its own; a chunk that loses a race with writers (a deadlock, a Galera certification conflict)
     * is left as it is, still answered right from the reports, until the next refresh.
     *
     * @return the rows that now name the window
     */
    public synchronized int refresh(YearMonth last) {
        List<Long> other = jdbc.list(
                "SELECT data_center_id FROM energy_window_total WHERE last_period IS NULL OR last_period <> ?"
                        + " ORDER BY data_center_id",
                List.of(month(last)),
                rs -> rs.getLong("data_center_id"));
        int refreshed = 0;
        for (int i = 0; i < other.size(); i += REFRESH_CHUNK) {
            List<Long> ids = other.subList(i, Math.min(other.size(), i + REFRESH_CHUNK));
            try {
                refreshed += QuarkusTransaction.requiringNew().call(() -> {
                    // reads that take no locks, so writers never wait for a refresh: the check of writes makes
                    // them safe (under REPEATABLE READ the read would lock the reports' index ranges)
                    jdbc.update("SET TRANSACTION ISOLATION LEVEL READ COMMITTED", List.of());
                    return refresh(last, ids);
                });
            } catch (RuntimeException e) {
                if (!DatabaseErrors.isConflict(e)) {
                    throw e;
                }
                LOG.debugf("window totals of %d sites left for the next refresh: %s", ids.size(), e.getMessage());
            }
        }
        if (refreshed > 0) {
            LOG.debugf("window totals ending %s summed afresh for %d sites", last, refreshed);
        }
        return refreshed;
    }

    /**
     * New months, just stored in the caller's transaction, added to their sites' rows.
     *
     * @param reportedBefore the sites of these reports that had reports before them
     */
    void added(Collection<StoredReport> reports, Set<Long> reportedBefore) {
        YearMonth last = keptLast(LocalDate.now(clock));
        Map<Long, Delta> deltas = new TreeMap<>(); // by id: rows locked in one order
        for (StoredReport r : reports) {
            Delta delta = deltas.computeIfAbsent(r.dataCenterId(), id -> new Delta(id, !reportedBefore.contains(id)));
            if (inside(last, r.period())) {
                delta.add(r.facilityKwh(), r.itKwh(), 1, r.period(), r.racksInUse());
            }
        }
        apply(last, deltas.values(), null);
    }

    /** A correction, just stored in the caller's transaction: its difference added to its site's row. */
    void replaced(StoredReport previous, StoredReport corrected) {
        YearMonth last = keptLast(LocalDate.now(clock));
        Delta delta = new Delta(corrected.dataCenterId(), false);
        LocalDate racksRemoved = null;
        if (inside(last, corrected.period())) {
            delta.add(
                    corrected.facilityKwh().subtract(previous.facilityKwh()),
                    corrected.itKwh().subtract(previous.itKwh()),
                    0,
                    corrected.period(),
                    corrected.racksInUse());
            if (corrected.racksInUse() == null && previous.racksInUse() != null) {
                racksRemoved = month(corrected.period());
            }
        }
        apply(last, List.of(delta), racksRemoved);
    }

    /** What one write changes in a site's window: the energy, the months, the latest racks in use it reports. */
    private static final class Delta {
        final long dataCenterId;
        /** The site had no report before: the difference is the whole window. */
        final boolean first;

        BigDecimal facility = BigDecimal.ZERO;
        BigDecimal it = BigDecimal.ZERO;
        int months;
        Integer racks;
        LocalDate racksPeriod;

        Delta(long dataCenterId, boolean first) {
            this.dataCenterId = dataCenterId;
            this.first = first;
        }

        void add(BigDecimal facility, BigDecimal it, int months, YearMonth period, Integer racks) {
            this.facility = this.facility.add(facility);
            this.it = this.it.add(it);
            this.months += months;
            if (racks != null && (racksPeriod == null || !period.atDay(1).isBefore(racksPeriod))) {
                this.racks = racks;
                this.racksPeriod = period.atDay(1);
            }
        }
    }

    /**
     * One statement per thousand sites (a JDBC batch of upserts would go to the server one row at a time).
     *
     * @param racksRemoved the month whose racks in use a correction removed, or null
     */
    private void apply(YearMonth last, Collection<Delta> deltas, LocalDate racksRemoved) {
        // assignments run in order and see the ones before: racks_period is set last, after the two that compare
        // with the month it held before this write
        String newerRacks =
                "VALUES(racks_period) IS NOT NULL AND (racks_period IS NULL OR VALUES(racks_period) >= racks_period)";
        for (List<Delta> chunk : Jdbc.chunks(List.copyOf(deltas))) {
            List<Object> params = new ArrayList<>(chunk.size() * 7 + 2);
            for (Delta d : chunk) {
                params.add(d.dataCenterId);
                params.add(d.first ? month(last) : null);
                params.add(d.facility);
                params.add(d.it);
                params.add(d.months);
                params.add(d.racks);
                params.add(d.racksPeriod);
            }
            params.add(month(last));
            params.add(racksRemoved);
            jdbc.update(
                    "INSERT INTO energy_window_total (data_center_id, last_period, facility_kwh, it_kwh, months,"
                            + " racks_in_use, racks_period, writes) VALUES "
                            + String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, 1)"))
                            + " ON DUPLICATE KEY UPDATE facility_kwh = facility_kwh + VALUES(facility_kwh),"
                            + " it_kwh = it_kwh + VALUES(it_kwh), months = months + VALUES(months), writes = writes + 1,"
                            + " racks_in_use = IF(" + newerRacks + ", VALUES(racks_in_use), racks_in_use),"
                            // still of the writer's window, unless the racks in use it shows were just removed
                            + " last_period = IF(last_period = ? AND COALESCE(? <> racks_period, TRUE), last_period, NULL),"
                            + " racks_period = IF(" + newerRacks + ", VALUES(racks_period), racks_period)",
                    params);
        }
    }

    /** Rows of these sites (ordered ids) summed afresh for the window ending {@code last}, where no write came between. */
    private int refresh(YearMonth last, List<Long> ids) {
        long lowest = ids.get(0);
        long highest = ids.get(ids.size() - 1);
        // ids close together: one range of the window's index; else the sites one by one
        boolean range = highest - lowest < 2L * ids.size();
        String these = range ? " BETWEEN ? AND ?" : " IN (" + Jdbc.placeholders(ids.size()) + ")";
        List<Object> idParams = range ? List.of(lowest, highest) : List.copyOf(ids);
        List<Object> params = new ArrayList<>();
        params.add(month(last));
        params.add(month(last.minusMonths(11)));
        params.add(month(last));
        params.addAll(idParams);
        params.addAll(idParams);
        params.add(month(last));
        String fresh = "IF(writes = VALUES(writes), VALUES(%1$s), %1$s)";
        return jdbc.update(
                        "INSERT INTO energy_window_total (data_center_id, last_period, facility_kwh, it_kwh, months,"
                                + " racks_in_use, racks_period, writes)"
                                + " SELECT * FROM (SELECT t.data_center_id id, ? window_last, COALESCE(w.facility_kwh, 0) facility,"
                                + "   COALESCE(w.it_kwh, 0) it, COALESCE(w.months, 0) window_months, w.racks_in_use racks,"
                                + "   w.racks_period racks_month, t.writes seen FROM energy_window_total t"
                                + "   LEFT JOIN (SELECT r.data_center_id, " + sums("r") + " FROM energy_report r"
                                + "     WHERE r.period BETWEEN ? AND ? AND r.data_center_id" + these
                                + " GROUP BY r.data_center_id) w"
                                + "   ON w.data_center_id = t.data_center_id"
                                + "   WHERE t.data_center_id" + these
                                + " AND (t.last_period IS NULL OR t.last_period <> ?)) fresh"
                                // taken only when writes has not moved since the sums were read (last_period last: it
                                // is compared)
                                + " ON DUPLICATE KEY UPDATE facility_kwh = " + String.format(fresh, "facility_kwh")
                                + ","
                                + " it_kwh = " + String.format(fresh, "it_kwh") + ", months = "
                                + String.format(fresh, "months") + ","
                                + " racks_in_use = " + String.format(fresh, "racks_in_use") + ","
                                + " racks_period = " + String.format(fresh, "racks_period") + ","
                                + " last_period = " + String.format(fresh, "last_period"),
                        params)
                / 2;
    }

    /** Facility and IT energy summed, months counted, the latest racks in use and its month, of reports alias r. */
    private static String sums(String r) {
        // the latest racks in use: the month prefixed, the largest taken, then cut apart again
        String latest = "MAX(IF(" + r + ".racks_in_use IS NULL, NULL, CONCAT(" + r + ".period, LPAD(" + r
                + ".racks_in_use, 10, '0'))))";
        return "SUM(" + r + ".facility_kwh) facility_kwh, SUM(" + r + ".it_kwh) it_kwh, COUNT(*) months,"
                + " CAST(SUBSTRING(" + latest + ", 11) AS UNSIGNED) racks_in_use,"
                + " CAST(LEFT(" + latest + ", 10) AS DATE) racks_period";
    }

    private static boolean inside(YearMonth last, YearMonth month) {
        return !month.isAfter(last) && !month.isBefore(last.minusMonths(11));
    }

    private static LocalDate month(YearMonth month) {
        return month.atDay(1);
    }
}
