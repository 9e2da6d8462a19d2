package io.dceff.reporting.service;

import io.dceff.platform.DceffConfig;
import io.dceff.platform.audit.Audited;
import io.dceff.platform.jdbc.RetriedTransaction;
import io.dceff.platform.problem.Problem.FieldError;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.problem.ProblemType;
import io.dceff.platform.security.Actor;
import io.dceff.pue.MonthlyEnergy;
import io.dceff.reporting.QualityFlag;
import io.dceff.reporting.QualityFlags;
import io.dceff.reporting.QualityThresholds;
import io.dceff.reporting.ReportBatch;
import io.dceff.reporting.ReportFigures;
import io.dceff.reporting.ReportLine;
import io.dceff.reporting.ReportRules;
import io.dceff.reporting.StoredReport;
import io.dceff.reporting.service.ReportStore.DataCenterRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stores energy reports exactly as submitted, one path for a single report and a batch: validate every
 * row, look the data centers up once, flag data quality, insert in JDBC batches. All or nothing.
 */
@ApplicationScoped
@Transactional
public class EnergyReportService {

    @Inject
    ReportStore store;

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
        Submission submission = new Submission(List.of(new Row(1, dataCenterCode, report, List.of())), false);
        return ingest(submission, actor, null).reports().get(0);
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
        return ingest(new Submission(list, true), actor, format);
    }

    /** A correction: stores revision n+1 of the month and keeps every earlier revision. */
    @Audited
    @RetriedTransaction(idempotent = false)
    public StoredReport correct(String dataCenterCode, YearMonth period, ReportFigures report, Actor actor) {
        if (report.period() != null && !report.period().equals(period)) {
            throw ProblemException.invalid("period", "must match the month in the path (" + period + ")");
        }
        // the data center and the month's neighbours in one read; the month itself is then locked
        ReportStore.Known known = store.known(List.of(dataCenterCode), period.minusMonths(1), period.plusMonths(1));
        DataCenterRef dc = known.dataCenters().get(dataCenterCode);
        if (dc == null) {
            throw ProblemException.notFound("Data center", dataCenterCode);
        }
        actor.requireAccess(dc.operatorCode());
        List<FieldError> errors =
                ReportRules.check(report.withPeriod(period), dc.commissionedOn(), dc.racks(), YearMonth.now(clock));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        StoredReport current = store.lockCurrent(dc.id(), period)
                .orElseThrow(() -> ProblemException.notFound(
                        "Energy report", dataCenterCode + " " + period + " (POST the month first)"));
        Neighbours neighbours = new Neighbours(known.current(), known.firstReported());
        NavigableMap<YearMonth, MonthlyEnergy> months = neighbours.months(dc.id());
        StoredReport corrected = new StoredReport(
                dc.id(),
                period,
                current.revision() + 1,
                report.facilityKwh(),
                report.itKwh(),
                report.renewableKwh(),
                report.reusedKwh(),
                report.waterM3(),
                report.racksInUse(),
                report.pueCategory(),
                EnumSet.noneOf(QualityFlag.class),
                Instant.now(clock),
                actor.subject(),
                null,
                report.note());
        months.put(period, corrected.energy());
        corrected = corrected.withFlags(flags(corrected, dc, months, neighbours.first(dc.id())));
        store.replace(current, corrected);
        store.updateFlags(followers(List.of(corrected), Map.of(dc.id(), dc), neighbours));
        return corrected;
    }

    @Transactional(TxType.SUPPORTS)
    public List<StoredReport> revisions(String dataCenterCode, YearMonth period, Actor actor) {
        DataCenterRef dc = requireDataCenter(dataCenterCode, actor);
        List<StoredReport> revisions = store.revisions(dc.id(), period);
        if (revisions.isEmpty()) {
            throw ProblemException.notFound("Energy report", dataCenterCode + " " + period);
        }
        return revisions;
    }

    @Transactional(TxType.SUPPORTS)
    public io.dceff.platform.paging.Page<StoredReport> list(
            String dataCenterCode,
            YearMonth from,
            YearMonth to,
            io.dceff.platform.paging.PageRequest page,
            Actor actor) {
        DataCenterRef dc = requireDataCenter(dataCenterCode, actor);
        YearMonth first = from == null ? YearMonth.of(1900, 1) : from;
        YearMonth last = to == null ? YearMonth.of(9999, 12) : to;
        if (first.isAfter(last)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        return new io.dceff.platform.paging.Page<>(
                store.page(dc.id(), first, last, page.offset(), page.size),
                page.page,
                page.size,
                store.count(dc.id(), first, last));
    }

    @Transactional(TxType.SUPPORTS)
    public ReportBatch batch(long id, Actor actor) {
        ReportBatch batch = store.batch(id, actor::mayAccess);
        if (batch == null) {
            throw ProblemException.notFound("Batch", Long.toString(id));
        }
        return batch;
    }

    @Transactional(TxType.SUPPORTS)
    public DataCenterRef requireDataCenter(String code, Actor actor) {
        DataCenterRef dc = store.dataCenters(List.of(code)).get(code);
        if (dc == null) {
            throw ProblemException.notFound("Data center", code);
        }
        actor.requireAccess(dc.operatorCode());
        return dc;
    }

    private record Row(int number, String dataCenterCode, ReportFigures report, List<FieldError> inputErrors) {}

    private record Submission(List<Row> rows, boolean batch) {
        /** Errors of a single report carry no row number. */
        FieldError at(Row row, FieldError error) {
            return batch ? error.atRow(row.number()) : error;
        }
    }

    private Stored ingest(Submission submission, Actor actor, String format) {
        List<Row> rows = submission.rows();
        YearMonth currentMonth = YearMonth.now(clock);
        Set<String> codes = new HashSet<>();
        YearMonth earliest = null;
        YearMonth latest = null;
        for (Row r : rows) {
            if (r.dataCenterCode() != null) {
                codes.add(r.dataCenterCode());
            }
            YearMonth p = r.report() == null ? null : r.report().period();
            if (p != null) {
                earliest = earliest == null || p.isBefore(earliest) ? p : earliest;
                latest = latest == null || p.isAfter(latest) ? p : latest;
            }
        }
        // one read: the data centers, their stored months around the submitted ones (for the 409 and the flags
        // that look at the previous month) and the first month each has reported
        ReportStore.Known known = store.known(
                codes, earliest == null ? null : earliest.minusMonths(1), latest == null ? null : latest.plusMonths(1));
        Map<String, DataCenterRef> dataCenters = known.dataCenters();
        if (!submission.batch() && !dataCenters.containsKey(rows.get(0).dataCenterCode())) {
            throw ProblemException.notFound("Data center", rows.get(0).dataCenterCode());
        }

        List<FieldError> invalid = new ArrayList<>();
        List<FieldError> forbidden = new ArrayList<>();
        Map<String, Row> seen = new HashMap<>();
        for (Row row : rows) {
            if (row.report() == null) {
                invalid.add(submission.at(row, FieldError.of("row", "is empty")));
                continue;
            }
            row.inputErrors().forEach(e -> invalid.add(submission.at(row, e)));
            DataCenterRef dc = row.dataCenterCode() == null ? null : dataCenters.get(row.dataCenterCode());
            if (dc == null) {
                invalid.add(submission.at(
                        row,
                        FieldError.of(
                                "dataCenterCode",
                                row.dataCenterCode() == null
                                        ? "must not be blank"
                                        : "unknown data center " + row.dataCenterCode())));
                continue;
            }
            if (!actor.mayAccess(dc.operatorCode())) {
                forbidden.add(submission.at(
                        row, FieldError.of("dataCenterCode", dc.code() + " belongs to another operator")));
                continue;
            }
            ReportRules.check(row.report(), dc.commissionedOn(), dc.racks(), currentMonth)
                    .forEach(e -> invalid.add(submission.at(row, e)));
            if (row.report().period() != null) {
                Row earlier = seen.putIfAbsent(dc.id() + "/" + row.report().period(), row);
                if (earlier != null) {
                    invalid.add(submission.at(
                            row,
                            FieldError.of(
                                    "period",
                                    "repeats row " + earlier.number() + " (" + dc.code() + " "
                                            + row.report().period() + ")")));
                }
            }
        }
        if (!forbidden.isEmpty()) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "You may report only for your own data centers; nothing was stored",
                    forbidden);
        }
        if (!invalid.isEmpty()) {
            invalid.sort(Comparator.comparing((FieldError e) -> e.row() == null ? 0 : e.row()));
            throw new ProblemException(
                    ProblemType.INVALID_INPUT,
                    submission.batch()
                            ? invalid.size() + " problems in "
                                    + invalid.stream()
                                            .map(FieldError::row)
                                            .distinct()
                                            .count() + " rows; nothing was stored"
                            : ProblemException.invalid(invalid).getMessage(),
                    invalid);
        }

        // every row is valid: the months already stored are conflicts
        Set<Long> ids = new HashSet<>();
        YearMonth first = null;
        YearMonth last = null;
        for (Row row : rows) {
            ids.add(dataCenters.get(row.dataCenterCode()).id());
            YearMonth p = row.report().period();
            first = first == null || p.isBefore(first) ? p : first;
            last = last == null || p.isAfter(last) ? p : last;
        }
        Neighbours neighbours = new Neighbours(known.current(), known.firstReported());
        List<FieldError> conflicts = new ArrayList<>();
        for (Row row : rows) {
            DataCenterRef dc = dataCenters.get(row.dataCenterCode());
            if (neighbours.stored(dc.id()).containsKey(row.report().period())) {
                conflicts.add(submission.at(
                        row,
                        FieldError.of(
                                "period",
                                dc.code() + " " + row.report().period()
                                        + " is already reported; correct it with PUT")));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    submission.batch()
                            ? conflicts.size() + " rows are months already reported; nothing was stored"
                            : conflicts.get(0).message(),
                    conflicts);
        }

        Instant now = Instant.now(clock);
        List<StoredReport> reports = new ArrayList<>(rows.size());
        for (Row row : rows) {
            DataCenterRef dc = dataCenters.get(row.dataCenterCode());
            ReportFigures r = row.report();
            StoredReport report = new StoredReport(
                    dc.id(),
                    r.period(),
                    1,
                    r.facilityKwh(),
                    r.itKwh(),
                    r.renewableKwh(),
                    r.reusedKwh(),
                    r.waterM3(),
                    r.racksInUse(),
                    r.pueCategory(),
                    EnumSet.noneOf(QualityFlag.class),
                    now,
                    actor.subject(),
                    null,
                    null);
            neighbours.months(dc.id()).put(r.period(), report.energy());
            reports.add(report);
        }
        Map<Long, DataCenterRef> byId = new HashMap<>();
        dataCenters.values().forEach(dc -> byId.put(dc.id(), dc));
        List<StoredReport> flagged = new ArrayList<>(reports.size());
        for (StoredReport report : reports) {
            DataCenterRef dc = byId.get(report.dataCenterId());
            flagged.add(report.withFlags(flags(report, dc, neighbours.months(dc.id()), neighbours.first(dc.id()))));
        }
        long batchId = 0;
        if (submission.batch()) {
            batchId = store.insertBatch(
                    format,
                    actor.subject(),
                    actor.restrictedTo().orElse(null),
                    flagged.size(),
                    ids.size(),
                    first,
                    last,
                    (int) flagged.stream().filter(r -> !r.flags().isEmpty()).count(),
                    now);
            long id = batchId;
            flagged.replaceAll(r -> r.inBatch(id));
        }
        store.insert(flagged, neighbours.reported());
        store.updateFlags(followers(flagged, byId, neighbours));
        ReportBatch view = null;
        if (submission.batch()) {
            List<ReportBatch.FlaggedRow> flaggedRows = new ArrayList<>();
            for (int i = 0; i < flagged.size(); i++) {
                StoredReport report = flagged.get(i);
                if (!report.flags().isEmpty()) {
                    flaggedRows.add(new ReportBatch.FlaggedRow(
                            i + 1, rows.get(i).dataCenterCode(), report.period(), report.flags()));
                }
            }
            view = new ReportBatch(batchId, flagged.size(), ids.size(), first, last, flaggedRows.size(), flaggedRows);
        }
        return new Stored(flagged, batchId, view);
    }

    /** Stored and new months around the submitted ones, for the flags that look at the previous month. */
    private final class Neighbours {
        private final Map<Long, NavigableMap<YearMonth, StoredReport>> stored;
        private final Map<Long, NavigableMap<YearMonth, MonthlyEnergy>> months = new HashMap<>();
        private final Map<Long, YearMonth> first;

        Neighbours(Map<Long, NavigableMap<YearMonth, StoredReport>> stored, Map<Long, YearMonth> first) {
            this.stored = stored;
            this.first = first;
        }

        NavigableMap<YearMonth, StoredReport> stored(long id) {
            return stored.getOrDefault(id, new TreeMap<>());
        }

        NavigableMap<YearMonth, MonthlyEnergy> months(long id) {
            return months.computeIfAbsent(id, k -> {
                NavigableMap<YearMonth, MonthlyEnergy> m = new TreeMap<>();
                stored(k).forEach((p, r) -> m.put(p, r.energy()));
                return m;
            });
        }

        /** The sites with a report before this submission. */
        Set<Long> reported() {
            return first.keySet();
        }

        /** The first month reported before this submission, or null. */
        YearMonth first(long id) {
            return first.get(id);
        }
    }

    private EnumSet<QualityFlag> flags(
            StoredReport report,
            DataCenterRef dc,
            NavigableMap<YearMonth, MonthlyEnergy> months,
            YearMonth firstStored) {
        YearMonth period = report.period();
        YearMonth firstNew = months.isEmpty() ? null : months.firstKey();
        boolean hasEarlier = (firstStored != null && firstStored.isBefore(period))
                || (firstNew != null && firstNew.isBefore(period));
        return qualityFlags()
                .assess(
                        period,
                        report.facilityKwh(),
                        report.itKwh(),
                        dc.racks(),
                        months.get(period.minusMonths(1)),
                        hasEarlier);
    }

    /** Stored months right after the written ones: their previous month changed, so their flags may too. */
    private Map<StoredReport, EnumSet<QualityFlag>> followers(
            List<StoredReport> written, Map<Long, DataCenterRef> byId, Neighbours neighbours) {
        Map<StoredReport, EnumSet<QualityFlag>> changes = new LinkedHashMap<>();
        Set<String> writtenKeys = new HashSet<>();
        written.forEach(r -> writtenKeys.add(r.dataCenterId() + "/" + r.period()));
        for (StoredReport report : written) {
            StoredReport next =
                    neighbours.stored(report.dataCenterId()).get(report.period().plusMonths(1));
            if (next == null || writtenKeys.contains(next.dataCenterId() + "/" + next.period())) {
                continue;
            }
            DataCenterRef dc = byId.get(report.dataCenterId());
            EnumSet<QualityFlag> flags = flags(next, dc, neighbours.months(dc.id()), neighbours.first(dc.id()));
            if (!flags.equals(next.flags())) {
                changes.put(next, flags);
            }
        }
        return changes;
    }

    private QualityFlags qualityFlags() {
        return new QualityFlags(new QualityThresholds(
                config.reports().maxPlausiblePue(),
                config.reports().maxMonthOnMonthChange(),
                config.reports().kwPerRack()));
    }
}
