package io.dceff.closure.service;

import io.dceff.closure.ClosureWindow;
import io.dceff.closure.Decision;
import io.dceff.closure.DecisionAction;
import io.dceff.closure.SiteFacts;
import io.dceff.platform.DceffConfig;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.registry.DataCenterStatus;
import io.dceff.registry.service.SiteStatus;
import io.dceff.registry.service.StatusAt;
import io.dceff.reporting.service.EnergyLedger;
import io.dceff.reporting.service.WindowTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    DceffConfig config;

    @Inject
    EnergyLedger ledger;

    @Inject
    SiteStatus registry;

    @Inject
    WindowTotals windowTotals;

    /** A site's facts with what the answer shows of it. */
    public record Site(long id, String name, String operatorCode, DataCenterStatus statusAtAsOf, SiteFacts facts) {}

    public List<Site> sites(LocalDate asOf, ClosureWindow window) {
        WindowTotals.Source totals = windowTotals.of(window.first(), window.last());
        List<Object> params = new ArrayList<>();
        params.add(asOf);
        params.addAll(totals.params());
        params.add(asOf);
        List<Site> sites = new ArrayList<>();
        jdbc.query(
                "SELECT d.id, d.code, d.name, d.operator_code, d.district_code, d.racks, d.commissioned_on,"
                        + " " + totals.facilityKwh() + ", " + totals.itKwh() + ", " + totals.months() + ","
                        + " " + StatusAt.sql("d.id") + ","
                        + " " + totals.racksInUse()
                        + " FROM data_center d " + totals.joins("d.id") + " WHERE d.commissioned_on <= ?",
                params,
                rs -> {
                    String status = rs.getString(11);
                    BigDecimal facility = rs.getBigDecimal(8);
                    BigDecimal it = rs.getBigDecimal(9);
                    SiteFacts facts = new SiteFacts(
                            rs.getString(2),
                            rs.getString(5),
                            rs.getInt(6),
                            rs.getObject(7, LocalDate.class),
                            facility == null ? BigDecimal.ZERO : facility,
                            it == null ? BigDecimal.ZERO : it,
                            rs.getInt(10),
                            rs.getObject(12, Integer.class));
                    sites.add(new Site(
                            rs.getLong(1),
                            rs.getString(3),
                            rs.getString(4),
                            status == null ? DataCenterStatus.PLANNED : DataCenterStatus.valueOf(status),
                            facts));
                });
        return sites;
    }

    /** The report revisions inside the window, "dataCenterId:YYYY-MM:revision" per line: what an assessment used. */
    public String revisionsUsed(ClosureWindow window) {
        StringBuilder used = new StringBuilder();
        ledger.revisions(
                window.first(),
                window.last(),
                (id, period, revision) -> used.append(id)
                        .append(':')
                        .append(period)
                        .append(':')
                        .append(revision)
                        .append('\n'));
        return used.toString();
    }

    /**
     * A stamp of everything the closure rule reads: it changes with every report or correction (a new
     * revision row), every registration or update of a data center (their count and optimistic-lock
     * versions), every status change and every decision. Equal stamps, equal facts. Rows are counted, not
     * only the largest id, because transactions commit out of id order; for the large revision table only
     * the ids a batch could still be committing are counted ({@link #stillCommitting()}).
     */
    public String version() {
        StringBuilder stamp = new StringBuilder();
        jdbc.query(
                "SELECT (SELECT CONCAT(COALESCE(MAX(id), 0), '/', COUNT(*)) FROM energy_report_revision"
                        + "   WHERE id > (SELECT COALESCE(MAX(id), 0) - ? FROM energy_report_revision)),"
                        + " (SELECT CONCAT(COALESCE(MAX(id), 0), '/', COUNT(*)) FROM data_center_status_change),"
                        + " (SELECT CONCAT(COALESCE(MAX(id), 0), '/', COUNT(*)) FROM closure_decision),"
                        + " (SELECT CONCAT(COUNT(*), '/', COALESCE(SUM(version), 0)) FROM data_center)",
                List.of(stillCommitting()),
                rs -> stamp.append(rs.getString(1))
                        .append('|')
                        .append(rs.getString(2))
                        .append('|')
                        .append(rs.getString(3))
                        .append('|')
                        .append(rs.getString(4)));
        return stamp.toString();
    }

    /**
     * How far below the largest revision id a row may still be uncommitted: a batch of reports writes at most
     * {@code dceff.reports.max-batch-rows} revisions in one transaction; twice that is counted (400,000 by
     * default), a margin for batches committing side by side.
     */
    private long stillCommitting() {
        return 2L * config.reports().maxBatchRows();
    }

    /** Every decision, in the order recorded: the rule takes those in force at its date ({@link Decision}). */
    public List<Decision> decisions() {
        record Row(long site, DecisionAction action, Long receiving, LocalDate decidedOn) {}
        List<Row> rows = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        jdbc.query(
                "SELECT data_center_id, action, receiving_id, decided_on FROM closure_decision ORDER BY id",
                List.of(),
                rs -> {
                    Row row = new Row(
                            rs.getLong("data_center_id"),
                            DecisionAction.valueOf(rs.getString("action")),
                            rs.getObject("receiving_id", Long.class),
                            rs.getObject("decided_on", LocalDate.class));
                    rows.add(row);
                    ids.add(row.site());
                    if (row.receiving() != null) {
                        ids.add(row.receiving());
                    }
                });
        Map<Long, String> codes = registry.codes(ids);
        return rows.stream()
                .map(r -> new Decision(
                        codes.get(r.site()),
                        r.action(),
                        r.receiving() == null ? null : codes.get(r.receiving()),
                        r.decidedOn()))
                .toList();
    }
}
