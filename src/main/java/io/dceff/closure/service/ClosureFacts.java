package io.dceff.closure.service;

import io.dceff.closure.ClosureWindow;
import io.dceff.closure.Decision;
import io.dceff.closure.DecisionAction;
import io.dceff.closure.SiteFacts;
import io.dceff.platform.DceffConfig;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.jdbc.SqlFragment;
import io.dceff.registry.DataCenterStatus;
import io.dceff.registry.service.SiteStatus;
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
 * The facts the closure rule needs, for every data center at once, in one statement: the registry's
 * ({@link SiteStatus#commissionedBy}: each site with its status at the as-of date, an index-only read, see V9) with
 * reporting's window sums joined in ({@link WindowTotals}: one kept row per site for today's window, the reports
 * summed afresh for any other). Each owner writes the SQL of its tables; closure's own is closure_decision.
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

    /** A row of {@link #sites}: the registry's site, and the window's sums by the labels given in {@link #sites}. */
    private static final SiteStatus.SiteRow<Site> ROW = (site, rs) -> {
        BigDecimal facility = rs.getBigDecimal("window_facility_kwh");
        BigDecimal it = rs.getBigDecimal("window_it_kwh");
        SiteFacts facts = new SiteFacts(
                site.code(),
                site.district(),
                site.racks(),
                site.commissionedOn(),
                facility == null ? BigDecimal.ZERO : facility,
                it == null ? BigDecimal.ZERO : it,
                rs.getInt("window_months"),
                rs.getObject("latest_racks_in_use", Integer.class));
        return new Site(
                site.id(),
                site.name(),
                site.operatorCode(),
                site.status() == null ? DataCenterStatus.PLANNED : site.status(),
                facts);
    };

    /** Every site commissioned by {@code asOf}, with its status then and its sums over the window. */
    public List<Site> sites(LocalDate asOf, ClosureWindow window) {
        WindowTotals.Source totals = windowTotals.of(window.first(), window.last());
        SqlFragment columns = SqlFragment.of(totals.facilityKwh() + " AS window_facility_kwh, "
                + totals.itKwh() + " AS window_it_kwh, "
                + totals.months() + " AS window_months, "
                + totals.racksInUse() + " AS latest_racks_in_use");
        SqlFragment joins = new SqlFragment(totals.joins(SiteStatus.SITE_ID), totals.params());
        return registry.commissionedBy(asOf, columns, joins, ROW);
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
     * the ids a batch could still be committing are counted ({@link #stillCommitting()}). Each owner gives its
     * part (reporting's {@link EnergyLedger#revisionsStamp}, the registry's {@link SiteStatus#stamp}, closure's
     * decisions), a statement each; read before the facts, a write committed between two parts shows in the
     * part read later or in the next stamp, so a stamp never stands for data older than the facts read after it.
     */
    public String version() {
        return ledger.revisionsStamp(stillCommitting()) + "|" + registry.stamp() + "|"
                + jdbc.one(
                        "SELECT CONCAT(COALESCE(MAX(id), 0), '/', COUNT(*)) AS decisions FROM closure_decision",
                        List.of(),
                        rs -> rs.getString("decisions"));
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
