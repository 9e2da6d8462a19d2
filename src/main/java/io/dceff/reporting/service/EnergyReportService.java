package io.dceff.reporting.service;

import io.dceff.platform.DceffConfig;
import io.dceff.platform.audit.Audited;
import io.dceff.platform.jdbc.RetriedTransaction;
import io.dceff.platform.paging.Page;
import io.dceff.platform.paging.PageRequest;
import io.dceff.platform.problem.Problem.FieldError;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.security.Actor;
import io.dceff.registry.Site;
import io.dceff.registry.service.SiteStatus;
import io.dceff.reporting.QualityThresholds;
import io.dceff.reporting.ReportBatch;
import io.dceff.reporting.ReportFigures;
import io.dceff.reporting.ReportIntake;
import io.dceff.reporting.ReportIntake.Admitted;
import io.dceff.reporting.ReportIntake.Corrected;
import io.dceff.reporting.ReportIntake.Row;
import io.dceff.reporting.ReportLine;
import io.dceff.reporting.ReportRules;
import io.dceff.reporting.StoredMonths;
import io.dceff.reporting.StoredReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores energy reports exactly as submitted, one path for a single report and a batch: the data centers asked of
 * the registry and the stored months around the submitted ones read once, {@link ReportIntake} deciding what is
 * stored, inserts in JDBC batches. All or nothing.
 */
@ApplicationScoped
@Transactional
public class EnergyReportService {

    @Inject
    ReportStore store;

    @Inject
    SiteStatus sites;

    @Inject
    DceffConfig config;

    @Inject
    Clock clock;

    /**
     * The outcome of a stored submission; for a batch, also its summary as {@code GET batches/{id}} gives it (made
     * from what was just stored, not read back).
     */
    public record Stored(List<StoredReport> reports, long batchId, ReportBatch batch) {}

    /** One new report for a data center: 409 when its month is already reported. */
    @Audited
    @RetriedTransaction
    public StoredReport submit(String dataCenterCode, ReportFigures report, Actor actor) {
        return ingest(List.of(new Row(1, dataCenterCode, report, List.of())), false, actor, null)
                .reports()
                .get(0);
    }

    /** Many new reports at once; if any row is bad, nothing is stored and every bad row is named. */
    @Audited
    @RetriedTransaction
    public Stored submitBatch(List<ReportLine> rows, String format, Actor actor) {
        if (rows.isEmpty()) {
            throw ProblemException.invalid("body", "the batch has no rows");
        }
        if (rows.size() > config.reports().maxBatchRows()) {
            throw ProblemException.invalid(
                    "body", "a batch holds at most " + config.reports().maxBatchRows() + " rows; split it");
        }
        List<Row> list = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ReportLine row = rows.get(i) == null ? ReportLine.EMPTY : rows.get(i);
            list.add(new Row(i + 1, row.dataCenterCode(), row.figures(), row.inputErrors()));
        }
        return ingest(list, true, actor, format);
    }

    /** A correction: stores revision n+1 of the month and keeps every earlier revision. */
    @Audited
    @RetriedTransaction(idempotent = false)
    public StoredReport correct(String dataCenterCode, YearMonth period, ReportFigures report, Actor actor) {
        if (report.period() != null && !report.period().equals(period)) {
            throw ProblemException.invalid("period", "must match the month in the path (" + period + ")");
        }
        Site dc = requireDataCenter(dataCenterCode, actor);
        List<FieldError> errors =
                ReportRules.check(report.withPeriod(period), dc.commissionedOn(), dc.racks(), YearMonth.now(clock));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // the month's neighbours, for its flags and the next month's; the month itself is then locked
        StoredMonths stored = store.months(List.of(dc.id()), period.minusMonths(1), period.plusMonths(1));
        StoredReport current = store.lockCurrent(dc.id(), period)
                .orElseThrow(() -> ProblemException.notFound(
                        "Energy report", dataCenterCode + " " + period + " (POST the month first)"));
        Corrected corrected = intake(Instant.now(clock)).correct(dc, current, report, stored, actor.subject());
        store.replace(current, corrected.report());
        store.updateFlags(corrected.reflagged());
        return corrected.report();
    }

    @Transactional(TxType.SUPPORTS)
    public List<StoredReport> revisions(String dataCenterCode, YearMonth period, Actor actor) {
        Site dc = requireDataCenter(dataCenterCode, actor);
        List<StoredReport> revisions = store.revisions(dc.id(), period);
        if (revisions.isEmpty()) {
            throw ProblemException.notFound("Energy report", dataCenterCode + " " + period);
        }
        return revisions;
    }

    @Transactional(TxType.SUPPORTS)
    public Page<StoredReport> list(String dataCenterCode, YearMonth from, YearMonth to, PageRequest page, Actor actor) {
        Site dc = requireDataCenter(dataCenterCode, actor);
        YearMonth first = from == null ? YearMonth.of(1900, 1) : from;
        YearMonth last = to == null ? YearMonth.of(9999, 12) : to;
        if (first.isAfter(last)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        return new Page<>(
                store.page(dc.id(), first, last, page.offset(), page.size),
                page.page,
                page.size,
                store.count(dc.id(), first, last));
    }

    /** A stored batch with its flagged rows, numbered in submission order; 403 if any row is another operator's. */
    @Transactional(TxType.SUPPORTS)
    public ReportBatch batch(long id, Actor actor) {
        ReportStore.StoredBatch stored =
                store.batch(id).orElseThrow(() -> ProblemException.notFound("Batch", Long.toString(id)));
        Set<Long> ids = new HashSet<>();
        stored.rows().forEach(r -> ids.add(r.dataCenterId()));
        Map<Long, Site> byId = sites.byId(ids);
        List<ReportBatch.FlaggedRow> flagged = new ArrayList<>();
        for (int i = 0; i < stored.rows().size(); i++) {
            ReportStore.BatchRow row = stored.rows().get(i);
            Site dc = byId.get(row.dataCenterId());
            if (!actor.mayAccess(dc.operatorCode())) {
                throw ProblemException.forbidden("This batch holds another organization's reports");
            }
            if (!row.flags().isEmpty()) {
                flagged.add(new ReportBatch.FlaggedRow(i + 1, dc.code(), row.period(), row.flags()));
            }
        }
        ReportBatch summary = stored.summary();
        return new ReportBatch(
                id,
                summary.rows(),
                summary.dataCenters(),
                summary.firstPeriod(),
                summary.lastPeriod(),
                summary.flagged(),
                flagged);
    }

    /** The data center with this code, asked of the registry: 404 when there is none, 403 when not the caller's. */
    @Transactional(TxType.SUPPORTS)
    public Site requireDataCenter(String code, Actor actor) {
        Site dc = sites.byCode(List.of(code)).get(code);
        if (dc == null) {
            throw ProblemException.notFound("Data center", code);
        }
        actor.requireAccess(dc.operatorCode());
        return dc;
    }

    /**
     * Two reads (the data centers from the registry, then their stored months around the submitted ones and the first
     * month each reported), the intake's decision, the writes.
     */
    private Stored ingest(List<Row> rows, boolean batch, Actor actor, String format) {
        Instant now = Instant.now(clock);
        ReportIntake intake = intake(now);
        ReportIntake.Span span = ReportIntake.span(rows);
        Map<String, Site> dataCenters = sites.byCode(span.codes());
        List<Long> ids = new ArrayList<>(dataCenters.size());
        dataCenters.values().forEach(dc -> ids.add(dc.id()));
        StoredMonths stored = ids.isEmpty() ? StoredMonths.none() : store.months(ids, span.from(), span.to());
        Admitted admitted = intake.admit(rows, batch, dataCenters, stored, actor::mayAccess, actor.subject());
        long batchId = 0;
        if (batch) {
            batchId = store.insertBatch(
                    format,
                    actor.subject(),
                    actor.restrictedTo().orElse(null),
                    admitted.reports().size(),
                    admitted.dataCenters(),
                    admitted.first(),
                    admitted.last(),
                    admitted.flagged(),
                    now);
            admitted = admitted.inBatch(batchId);
        }
        store.insert(admitted.reports(), admitted.reportedBefore());
        store.updateFlags(admitted.reflagged());
        return new Stored(admitted.reports(), batchId, batch ? admitted.batch(batchId) : null);
    }

    private ReportIntake intake(Instant now) {
        return new ReportIntake(
                QualityThresholds.of(config.reports()), YearMonth.from(now.atZone(clock.getZone())), now);
    }
}
