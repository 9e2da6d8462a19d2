package io.dceff.closure.service;

import io.dceff.closure.ClosureWindow;
import io.dceff.closure.Decision;
import io.dceff.closure.DecisionAction;
import io.dceff.closure.SiteFacts;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.registry.DataCenterStatus;
import io.dceff.registry.service.StatusAt;
import io.dceff.reporting.service.WindowTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts the closure rule needs, for every data center at once: one statement joins each site with
 * its window sums (reporting's {@link WindowTotals}: one kept row per site for today's window, the
 * reports summed afresh for any other) and its status at the as-of date (an index-only read, see V9).
 */
@ApplicationScoped
public class ClosureFacts {

    @Inject
    Jdbc jdbc;

    @Inject
    WindowTotals windowTotals;

    /** A site's facts with what the answer shows of it. */
    public record Site(long id, String name, String operatorCode, DataCenterStatus statusAtAsOf, SiteFacts facts) {
    }

    public List<Site> sites(LocalDate asOf, ClosureWindow window) {
        WindowTotals.Source totals = windowTotals.of(window.first(), window.last());
        List<Object> params = new ArrayList<>();
        params.add(asOf);
        params.addAll(totals.params());
        params.add(asOf);
        List<Site> sites = new ArrayList<>();
        jdbc.query("SELECT d.id, d.code, d.name, d.operator_code, d.district_code, d.racks, d.commissioned_on,"
                + " " + totals.facilityKwh() + ", " + totals.itKwh() + ", " + totals.months() + ","
                + " " + StatusAt.sql("d.id") + ","
                + " " + totals.racksInUse()
                + " FROM data_center d " + totals.joins("d.id") + " WHERE d.commissioned_on <= ?", params,
                rs -> {
                    String status = rs.getString(11);
                    BigDecimal facility = rs.getBigDecimal(8);
                    BigDecimal it = rs.getBigDecimal(9);
                    SiteFacts facts = new SiteFacts(rs.getString(2), rs.getString(5), rs.getInt(6),
                            rs.getObject(7, LocalDate.class), facility == null ? BigDecimal.ZERO : facility,
                            it == null ? BigDecimal.ZERO : it, rs.getInt(10), rs.getObject(12, Integer.class));
                    sites.add(new Site(rs.getLong(1), rs.getString(3), rs.getString(4),
                            status == null ? DataCenterStatus.PLANNED : DataCenterStatus.valueOf(status), facts));
                });
        return sites;
    }

    /** The report revisions inside the window, "dataCenterId:YYYY-MM:revision" per line: what an assessment used. */
    public String revisionsUsed(ClosureWindow window) {
        StringBuilder used = new StringBuilder();
        jdbc.query("SELECT data_center_id, period, revision FROM energy_report WHERE period BETWEEN ? AND ?"
                + " ORDER BY data_center_id, period", List.of(Date.valueOf(window.first().atDay(1)),
                        Date.valueOf(window.last().atDay(1))),
                rs -> used.append(rs.getLong(1)).append(':').append(rs.getDate(2).toLocalDate().toString(), 0, 7)
                        .append(':').append(rs.getInt(3)).append('\n'));
        return used.toString();
    }

    /**
     * A stamp of everything the closure rule reads: it changes with every report or correction (a new
     * revision row), every registration or update of a data center (their count and optimistic-lock
     * versions), every status change and every decision. Equal stamps, equal facts. Rows are counted, not
     * only the largest id, because transactions commit out of id order; for the large revision table only
     * the ids a batch could still be committing are counted (twice the largest batch).
     */
    public String version() {
        StringBuilder stamp = new StringBuilder();
        jdbc.query("SELECT (SELECT CONCAT(COALESCE(MAX(id), 0), '/', COUNT(*)) FROM energy_report_revision"
                + "   WHERE id > (SELECT COALESCE(MAX(id), 0) - 400000 FROM energy_report_revision)),"
                + " (SELECT CONCAT(COALESCE(MAX(id), 0), '/', COUNT(*)) FROM data_center_status_change),"
                + " (SELECT CONCAT(COALESCE(MAX(id), 0), '/', COUNT(*)) FROM closure_decision),"
                + " (SELECT CONCAT(COUNT(*), '/', COALESCE(SUM(version), 0)) FROM data_center)", List.of(),
                rs -> stamp.append(rs.getString(1)).append('|').append(rs.getString(2)).append('|')
                        .append(rs.getString(3)).append('|').append(rs.getString(4)));
        return stamp.toString();
    }

    /** Every decision, in the order recorded: the rule takes those in force at its date ({@link Decision}). */
    public List<Decision> decisions() {
        List<Decision> decisions = new ArrayList<>();
        jdbc.query("SELECT d.code, c.action, r.code, c.decided_on FROM closure_decision c"
                + " JOIN data_center d ON d.id = c.data_center_id LEFT JOIN data_center r ON r.id = c.receiving_id"
                + " ORDER BY c.id", List.of(), rs -> decisions.add(new Decision(rs.getString(1),
                        DecisionAction.valueOf(rs.getString(2)), rs.getString(3), rs.getDate(4).toLocalDate())));
        return decisions;
    }
}
