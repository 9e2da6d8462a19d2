package io.dceff.reporting;

import io.dceff.platform.problem.Problem.FieldError;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.problem.ProblemType;
import io.dceff.pue.MonthlyEnergy;
import io.dceff.registry.Site;
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
import java.util.function.Predicate;

/**
 * Decides what a submission of energy reports stores (API.md, Energy reports), from what the caller sent and what is
 * stored around it: every row is checked and every bad row named (numbered in a batch), rows for another
 * operator's data centers are forbidden, a month may come once per batch and only if it is not stored yet (409),
 * and the new reports get their data-quality flags from the month before, stored or in the same submission. The
 * stored months right after the new ones are flagged again, as their month before has changed; a correction does
 * the same for its one month. All or nothing: any rejection is a {@link ProblemException} and nothing is stored.
 *
 * <p>Plain values in and out: the service reads the data centers and the stored months once, asks here, and writes
 * the answer.
 */
public final class ReportIntake {

    private final QualityFlags qualityFlags;
    private final YearMonth currentMonth;
    private final Instant now;

    /**
     * @param currentMonth the month of "today": later months have not happened yet
     * @param now when the new reports and revisions are submitted
     */
    public ReportIntake(QualityThresholds thresholds, YearMonth currentMonth, Instant now) {
        this.qualityFlags = new QualityFlags(thresholds);
        this.currentMonth = currentMonth;
        this.now = now;
    }

    /**
     * One submitted row: its 1-based number, the data center's code, the figures (null for an empty row), and the
     * errors already found in its shape.
     */
    public record Row(int number, String dataCenterCode, ReportFigures figures, List<FieldError> inputErrors) {}

    /**
     * What to read before {@link #admit}: the codes named, and the months from the one before the earliest submitted
     * to the one after the latest (both null when no row has a month).
     */
    public record Span(Set<String> codes, YearMonth from, YearMonth to) {}

    public static Span span(List<Row> rows) {
        Set<String> codes = new HashSet<>();
        YearMonth earliest = null;
        YearMonth latest = null;
        for (Row r : rows) {
            if (r.dataCenterCode() != null) {
                codes.add(r.dataCenterCode());
            }
            YearMonth p = r.figures() == null ? null : r.figures().period();
            if (p != null) {
                earliest = earliest == null || p.isBefore(earliest) ? p : earliest;
                latest = latest == null || p.isAfter(latest) ? p : latest;
            }
        }
        return new Span(
                codes, earliest == null ? null : earliest.minusMonths(1), latest == null ? null : latest.plusMonths(1));
    }

    /**
     * The new reports of a submission, in row order, with their flags.
     *
     * @param codes the data-center code of each report, in the same order
     * @param reflagged stored months whose flags change, with their new flags
     * @param reportedBefore the sites that had reports before this submission
     */
    public record Admitted(
            List<StoredReport> reports,
            List<String> codes,
            Map<StoredReport, EnumSet<QualityFlag>> reflagged,
            Set<Long> reportedBefore) {

        /** How many data centers the reports are for. */
        public int dataCenters() {
            Set<Long> ids = new HashSet<>();
            reports.forEach(r -> ids.add(r.dataCenterId()));
            return ids.size();
        }

        public YearMonth first() {
            return reports.stream()
                    .map(StoredReport::period)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
        }

        public YearMonth last() {
            return reports.stream()
                    .map(StoredReport::period)
                    .max(Comparator.naturalOrder())
                    .orElse(null);
        }

        /** How many reports carry a flag. */
        public int flagged() {
            return (int) reports.stream().filter(r -> !r.flags().isEmpty()).count();
        }

        /** The same reports, stored as part of batch {@code id}. */
        public Admitted inBatch(long id) {
            List<StoredReport> inBatch = new ArrayList<>(reports.size());
            reports.forEach(r -> inBatch.add(r.inBatch(id)));
            return new Admitted(inBatch, codes, reflagged, reportedBefore);
        }

        /** The summary of batch {@code id} as {@code GET batches/{id}} gives it, made from these reports. */
        public ReportBatch batch(long id) {
            List<ReportBatch.FlaggedRow> flaggedRows = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                StoredReport report = reports.get(i);
                if (!report.flags().isEmpty()) {
                    flaggedRows.add(new ReportBatch.FlaggedRow(i + 1, codes.get(i), report.period(), report.flags()));
                }
            }
            return new ReportBatch(id, reports.size(), dataCenters(), first(), last(), flaggedRows.size(), flaggedRows);
        }
    }

    /** A correction: the month's next revision with its flags, and the stored next month's new flags if they change. */
    public record Corrected(StoredReport report, Map<StoredReport, EnumSet<QualityFlag>> reflagged) {}

    /**
     * Checks every row and flags the new reports.
     *
     * @param batch whether the rows are a batch: its errors carry row numbers, a single report's none, and a single
     *     report for an unknown data center is 404 rather than a bad row
     * @param dataCenters the data centers the rows name, by code (unknown codes absent)
     * @param stored their months in {@link #span} and the first month each reported
     * @param mayAccess whether the caller may report for a data center of this operator
     * @param submittedBy who submits
     * @throws ProblemException 404, 403 for rows of other operators' data centers, 400 for invalid rows and months
     *     repeated in the batch (sorted by row), 409 for months already stored
     */
    public Admitted admit(
            List<Row> rows,
            boolean batch,
            Map<String, Site> dataCenters,
            StoredMonths stored,
            Predicate<String> mayAccess,
            String submittedBy) {
        if (!batch && !dataCenters.containsKey(rows.get(0).dataCenterCode())) {
            throw ProblemException.notFound("Data center", rows.get(0).dataCenterCode());
        }
        List<FieldError> invalid = new ArrayList<>();
        List<FieldError> forbidden = new ArrayList<>();
        Map<Month, Row> seen = new HashMap<>();
        for (Row row : rows) {
            if (row.figures() == null) {
                invalid.add(at(batch, row, FieldError.of("row", "is empty")));
                continue;
            }
            row.inputErrors().forEach(e -> invalid.add(at(batch, row, e)));
            Site dc = row.dataCenterCode() == null ? null : dataCenters.get(row.dataCenterCode());
            if (dc == null) {
                invalid.add(at(
                        batch,
                        row,
                        FieldError.of(
                                "dataCenterCode",
                                row.dataCenterCode() == null
                                        ? "must not be blank"
                                        : "unknown data center " + row.dataCenterCode())));
                continue;
            }
            if (!mayAccess.test(dc.operatorCode())) {
                forbidden.add(
                        at(batch, row, FieldError.of("dataCenterCode", dc.code() + " belongs to another operator")));
                continue;
            }
            ReportRules.check(row.figures(), dc.commissionedOn(), dc.racks(), currentMonth)
                    .forEach(e -> invalid.add(at(batch, row, e)));
            YearMonth period = row.figures().period();
            if (period != null) {
                Row earlier = seen.putIfAbsent(new Month(dc.id(), period), row);
                if (earlier != null) {
                    invalid.add(at(
                            batch,
                            row,
                            FieldError.of(
                                    "period",
                                    "repeats row " + earlier.number() + " (" + dc.code() + " " + period + ")")));
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
                    batch
                            ? invalid.size() + " problems in "
                                    + invalid.stream()
                                            .map(FieldError::row)
                                            .distinct()
                                            .count() + " rows; nothing was stored"
                            : ProblemException.invalid(invalid).getMessage(),
                    invalid);
        }

        // every row is valid: the months already stored are conflicts
        List<FieldError> conflicts = new ArrayList<>();
        for (Row row : rows) {
            Site dc = dataCenters.get(row.dataCenterCode());
            if (stored.of(dc.id()).containsKey(row.figures().period())) {
                conflicts.add(at(
                        batch,
                        row,
                        FieldError.of(
                                "period",
                                dc.code() + " " + row.figures().period()
                                        + " is already reported; correct it with PUT")));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    batch
                            ? conflicts.size() + " rows are months already reported; nothing was stored"
                            : conflicts.get(0).message(),
                    conflicts);
        }

        // the new months join the stored ones first, so each report sees the month before wherever it comes from
        Neighbours neighbours = new Neighbours(stored);
        List<StoredReport> reports = new ArrayList<>(rows.size());
        List<String> codes = new ArrayList<>(rows.size());
        Map<Long, Site> byId = new HashMap<>();
        for (Row row : rows) {
            Site dc = dataCenters.get(row.dataCenterCode());
            ReportFigures r = row.figures();
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
                    submittedBy,
                    null,
                    null);
            neighbours.months(dc.id()).put(r.period(), report.energy());
            reports.add(report);
            codes.add(dc.code());
            byId.put(dc.id(), dc);
        }
        List<StoredReport> flagged = new ArrayList<>(reports.size());
        for (StoredReport report : reports) {
            Site dc = byId.get(report.dataCenterId());
            flagged.add(report.withFlags(flags(report, dc, neighbours)));
        }
        return new Admitted(flagged, codes, followers(flagged, byId, neighbours), stored.reported());
    }

    /**
     * The next revision of a stored month, with its flags, already checked against {@link ReportRules}.
     *
     * @param current the month's latest revision, locked
     * @param stored the site's months from the one before to the one after, and its first reported month
     */
    public Corrected correct(
            Site dc, StoredReport current, ReportFigures figures, StoredMonths stored, String submittedBy) {
        Neighbours neighbours = new Neighbours(stored);
        StoredReport corrected = new StoredReport(
                dc.id(),
                current.period(),
                current.revision() + 1,
                figures.facilityKwh(),
                figures.itKwh(),
                figures.renewableKwh(),
                figures.reusedKwh(),
                figures.waterM3(),
                figures.racksInUse(),
                figures.pueCategory(),
                EnumSet.noneOf(QualityFlag.class),
                now,
                submittedBy,
                null,
                figures.note());
        neighbours.months(dc.id()).put(corrected.period(), corrected.energy());
        corrected = corrected.withFlags(flags(corrected, dc, neighbours));
        return new Corrected(corrected, followers(List.of(corrected), Map.of(dc.id(), dc), neighbours));
    }

    /** A data center's month, as a key. */
    private record Month(long dataCenterId, YearMonth period) {}

    /** Errors of a single report carry no row number. */
    private static FieldError at(boolean batch, Row row, FieldError error) {
        return batch ? error.atRow(row.number()) : error;
    }

    /** The stored months and the new ones, by site, for the flags that look at the month before. */
    private static final class Neighbours {
        private final StoredMonths stored;
        private final Map<Long, NavigableMap<YearMonth, MonthlyEnergy>> months = new HashMap<>();

        Neighbours(StoredMonths stored) {
            this.stored = stored;
        }

        NavigableMap<YearMonth, StoredReport> stored(long id) {
            return stored.of(id);
        }

        /** The site's stored months with the new ones put in. */
        NavigableMap<YearMonth, MonthlyEnergy> months(long id) {
            return months.computeIfAbsent(id, k -> {
                NavigableMap<YearMonth, MonthlyEnergy> m = new TreeMap<>();
                stored(k).forEach((p, r) -> m.put(p, r.energy()));
                return m;
            });
        }

        /** The first month reported before this submission, or null. */
        YearMonth first(long id) {
            return stored.firstReported(id);
        }
    }

    private EnumSet<QualityFlag> flags(StoredReport report, Site dc, Neighbours neighbours) {
        NavigableMap<YearMonth, MonthlyEnergy> months = neighbours.months(dc.id());
        YearMonth firstStored = neighbours.first(dc.id());
        YearMonth period = report.period();
        YearMonth firstNew = months.isEmpty() ? null : months.firstKey();
        boolean hasEarlier = (firstStored != null && firstStored.isBefore(period))
                || (firstNew != null && firstNew.isBefore(period));
        return qualityFlags.assess(
                period,
                report.facilityKwh(),
                report.itKwh(),
                dc.racks(),
                months.get(period.minusMonths(1)),
                hasEarlier);
    }

    /** Stored months right after the written ones: their previous month changed, so their flags may too. */
    private Map<StoredReport, EnumSet<QualityFlag>> followers(
            List<StoredReport> written, Map<Long, Site> byId, Neighbours neighbours) {
        Map<StoredReport, EnumSet<QualityFlag>> changes = new LinkedHashMap<>();
        Set<Month> writtenMonths = new HashSet<>();
        written.forEach(r -> writtenMonths.add(new Month(r.dataCenterId(), r.period())));
        for (StoredReport report : written) {
            StoredReport next =
                    neighbours.stored(report.dataCenterId()).get(report.period().plusMonths(1));
            if (next == null || writtenMonths.contains(new Month(next.dataCenterId(), next.period()))) {
                continue;
            }
            EnumSet<QualityFlag> flags = flags(next, byId.get(report.dataCenterId()), neighbours);
            if (!flags.equals(next.flags())) {
                changes.put(next, flags);
            }
        }
        return changes;
    }
}
