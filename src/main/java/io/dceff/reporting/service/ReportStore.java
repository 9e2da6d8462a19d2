package io.dceff.reporting.service;

import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.problem.ProblemException;
import io.dceff.reporting.QualityFlag;
import io.dceff.reporting.ReportBatch;
import io.dceff.reporting.StoredReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Energy reports in and out of MariaDB with plain JDBC: batched inserts and set-based reads, because
 * a batch of thousands of rows must not become thousands of statements. Joins the caller's transaction.
 */
@ApplicationScoped
public class ReportStore {

    private static final String COLUMNS = "data_center_id, period, revision, facility_kwh, it_kwh, renewable_kwh, "
            + "reused_kwh, water_m3, racks_in_use, pue_category, quality_flags, submitted_at, submitted_by, batch_id";

    /** {@link #COLUMNS} of energy_report aliased r. */
    private static final String PREFIXED = "r." + COLUMNS.replace(", ", ", r.");

    @Inject
    Jdbc jdbc;

    @Inject
    WindowTotals windowTotals;

    /** What a report needs to know of its data center. */
    public record DataCenterRef(long id, String code, String operatorCode, int racks, LocalDate commissionedOn) {}

    /** The key facts of the data centers with these codes, looked up in one query per thousand codes. */
    public Map<String, DataCenterRef> dataCenters(Collection<String> codes) {
        Map<String, DataCenterRef> found = new HashMap<>();
        for (List<String> chunk : Jdbc.chunks(List.copyOf(codes))) {
            jdbc.query(
                    "SELECT id, code, operator_code, racks, commissioned_on FROM data_center WHERE code IN ("
                            + Jdbc.placeholders(chunk.size()) + ")",
                    chunk,
                    rs -> found.put(
                            rs.getString(2),
                            new DataCenterRef(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    rs.getObject(5, LocalDate.class))));
        }
        return found;
    }

    /**
     * What a submission needs to know, in one statement per thousand codes: the data centers with these codes, the
     * latest revisions of their months in [from, to] (none when from is after to), and the first month each has reported.
     */
    public record Known(
            Map<String, DataCenterRef> dataCenters,
            Map<Long, NavigableMap<YearMonth, StoredReport>> current,
            Map<Long, YearMonth> firstReported) {}

    public Known known(Collection<String> codes, YearMonth from, YearMonth to) {
        Map<String, DataCenterRef> dataCenters = new HashMap<>();
        Map<Long, NavigableMap<YearMonth, StoredReport>> current = new HashMap<>();
        Map<Long, YearMonth> firstReported = new HashMap<>();
        for (List<String> chunk : Jdbc.chunks(List.copyOf(codes))) {
            List<Object> params = new ArrayList<>();
            params.add(month(from));
            params.add(month(to));
            params.addAll(chunk);
            jdbc.query(
                    "SELECT d.id, d.code, d.operator_code, d.racks, d.commissioned_on,"
                            + " (SELECT f.period FROM energy_report f WHERE f.data_center_id = d.id ORDER BY f.period LIMIT 1), "
                            + PREFIXED
                            + ", NULL FROM data_center d LEFT JOIN energy_report r ON r.data_center_id = d.id"
                            + " AND r.period BETWEEN ? AND ? WHERE d.code IN (" + Jdbc.placeholders(chunk.size()) + ")",
                    params,
                    rs -> {
                        long id = rs.getLong(1);
                        if (!dataCenters.containsKey(rs.getString(2))) {
                            dataCenters.put(
                                    rs.getString(2),
                                    new DataCenterRef(
                                            id,
                                            rs.getString(2),
                                            rs.getString(3),
                                            rs.getInt(4),
                                            rs.getObject(5, LocalDate.class)));
                        }
                        LocalDate first = rs.getObject(6, LocalDate.class);
                        if (first != null) {
                            firstReported.put(id, YearMonth.from(first));
                        }
                        if (rs.getObject(7) != null) {
                            StoredReport report = read(rs, 6);
                            current.computeIfAbsent(id, k -> new TreeMap<>()).put(report.period(), report);
                        }
                    });
        }
        return new Known(dataCenters, current, firstReported);
    }

    /** Latest revisions of these data centers' months in [from, to], by data center and month. */
    public Map<Long, NavigableMap<YearMonth, StoredReport>> current(
            Collection<Long> dataCenterIds, YearMonth from, YearMonth to) {
        Map<Long, NavigableMap<YearMonth, StoredReport>> found = new HashMap<>();
        for (List<Long> chunk : Jdbc.chunks(List.copyOf(dataCenterIds))) {
            List<Object> params = new ArrayList<>(chunk);
            params.add(month(from));
            params.add(month(to));
            jdbc.query(
                    "SELECT " + COLUMNS + ", NULL FROM energy_report WHERE data_center_id IN ("
                            + Jdbc.placeholders(chunk.size()) + ") AND period BETWEEN ? AND ?",
                    params,
                    rs -> {
                        StoredReport report = read(rs);
                        found.computeIfAbsent(report.dataCenterId(), id -> new TreeMap<>())
                                .put(report.period(), report);
                    });
        }
        return found;
    }

    /** The latest revision of one month, locked until the transaction ends (corrections queue up here). */
    public Optional<StoredReport> lockCurrent(long dataCenterId, YearMonth period) {
        List<StoredReport> found = new ArrayList<>();
        jdbc.query(
                "SELECT " + COLUMNS + ", NULL FROM energy_report WHERE data_center_id = ? AND period = ? FOR UPDATE",
                List.of(dataCenterId, month(period)),
                rs -> found.add(read(rs)));
        return found.stream().findFirst();
    }

    public List<StoredReport> revisions(long dataCenterId, YearMonth period) {
        List<StoredReport> found = new ArrayList<>();
        jdbc.query(
                "SELECT " + COLUMNS + ", note FROM energy_report_revision WHERE data_center_id = ? AND period = ?"
                        + " ORDER BY revision",
                List.of(dataCenterId, month(period)),
                rs -> found.add(read(rs)));
        return found;
    }

    /** Latest revisions of one data center, oldest month first, one page of them. */
    public List<StoredReport> page(long dataCenterId, YearMonth from, YearMonth to, int offset, int limit) {
        List<StoredReport> found = new ArrayList<>();
        jdbc.query(
                "SELECT " + COLUMNS + ", NULL FROM energy_report WHERE data_center_id = ? AND period BETWEEN ? AND ?"
                        + " ORDER BY period LIMIT ? OFFSET ?",
                List.of(dataCenterId, month(from), month(to), limit, offset),
                rs -> found.add(read(rs)));
        return found;
    }

    public long count(long dataCenterId, YearMonth from, YearMonth to) {
        long[] count = new long[1];
        jdbc.query(
                "SELECT COUNT(*) FROM energy_report WHERE data_center_id = ? AND period BETWEEN ? AND ?",
                List.of(dataCenterId, month(from), month(to)),
                rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    /**
     * New months: the current row and revision 1 of the history, in JDBC batches, and their sites' window totals.
     *
     * @param reportedBefore the sites of these reports that had reports before them
     */
    public void insert(List<StoredReport> reports, Set<Long> reportedBefore) {
        jdbc.batch(
                "INSERT INTO energy_report (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                reports,
                ReportStore::bind);
        insertRevisions(reports);
        windowTotals.added(reports, reportedBefore);
    }

    /**
     * A correction of a month locked by {@link #lockCurrent}: the current row becomes the new revision, which is also
     * appended to the history.
     */
    public void replace(StoredReport previous, StoredReport report) {
        jdbc.batch(
                "UPDATE energy_report SET revision = ?, facility_kwh = ?, it_kwh = ?, renewable_kwh = ?,"
                        + " reused_kwh = ?, water_m3 = ?, racks_in_use = ?, pue_category = ?, quality_flags = ?, submitted_at = ?,"
                        + " submitted_by = ?, batch_id = ? WHERE data_center_id = ? AND period = ?",
                List.of(report),
                (ps, r) -> {
                    ps.setInt(1, r.revision());
                    ps.setBigDecimal(2, r.facilityKwh());
                    ps.setBigDecimal(3, r.itKwh());
                    Jdbc.setDecimal(ps, 4, r.renewableKwh());
                    Jdbc.setDecimal(ps, 5, r.reusedKwh());
                    Jdbc.setDecimal(ps, 6, r.waterM3());
                    Jdbc.setInteger(ps, 7, r.racksInUse());
                    Jdbc.setInteger(ps, 8, r.pueCategory());
                    ps.setString(9, StoredReport.encode(r.flags()));
                    ps.setObject(10, Jdbc.localDateTime(r.submittedAt()));
                    ps.setString(11, r.submittedBy());
                    Jdbc.setLong(ps, 12, r.batchId());
                    ps.setLong(13, r.dataCenterId());
                    ps.setObject(14, month(r.period()));
                });
        insertRevisions(List.of(report));
        windowTotals.replaced(previous, report);
    }

    /** New flags on the latest revisions of months whose previous month changed. */
    public void updateFlags(Map<StoredReport, EnumSet<QualityFlag>> changes) {
        jdbc.batch(
                "UPDATE energy_report SET quality_flags = ? WHERE data_center_id = ? AND period = ?",
                List.copyOf(changes.entrySet()),
                (ps, e) -> {
                    ps.setString(1, StoredReport.encode(e.getValue()));
                    ps.setLong(2, e.getKey().dataCenterId());
                    ps.setObject(3, month(e.getKey().period()));
                });
    }

    public long insertBatch(
            String format,
            String submittedBy,
            String organization,
            int rows,
            int dataCenters,
            YearMonth first,
            YearMonth last,
            int flagged,
            Instant at) {
        return jdbc.insert(
                "INSERT INTO report_batch (submitted_at, submitted_by, organization, format, row_count,"
                        + " data_centers, first_period, last_period, flagged) VALUES (?,?,?,?,?,?,?,?,?)",
                Arrays.asList(
                        Timestamp.from(at),
                        submittedBy,
                        organization,
                        format,
                        rows,
                        dataCenters,
                        month(first),
                        month(last),
                        flagged));
    }

    /** A stored batch with its flagged rows (numbered in submission order), or null when there is none. */
    public ReportBatch batch(long id, Predicate<String> mayAccessOperator) {
        List<ReportBatch> head = new ArrayList<>();
        jdbc.query(
                "SELECT row_count, data_centers, first_period, last_period, flagged FROM report_batch WHERE id = ?",
                List.of(id),
                rs -> head.add(new ReportBatch(
                        id,
                        rs.getInt(1),
                        rs.getInt(2),
                        yearMonth(rs.getDate(3)),
                        yearMonth(rs.getDate(4)),
                        rs.getInt(5),
                        new ArrayList<>())));
        if (head.isEmpty()) {
            return null;
        }
        ReportBatch batch = head.get(0);
        int[] row = {0};
        jdbc.query(
                "SELECT d.code, d.operator_code, r.period, r.quality_flags FROM energy_report_revision r"
                        + " JOIN data_center d ON d.id = r.data_center_id WHERE r.batch_id = ? ORDER BY r.id",
                List.of(id),
                rs -> {
                    row[0]++;
                    if (!mayAccessOperator.test(rs.getString(2))) {
                        throw ProblemException.forbidden("This batch holds another organization's reports");
                    }
                    EnumSet<QualityFlag> flags = StoredReport.decode(rs.getString(4));
                    if (!flags.isEmpty()) {
                        batch.flaggedRows()
                                .add(new ReportBatch.FlaggedRow(
                                        row[0], rs.getString(1), yearMonth(rs.getDate(3)), flags));
                    }
                });
        return batch;
    }

    private void insertRevisions(List<StoredReport> reports) {
        jdbc.batch(
                "INSERT INTO energy_report_revision (" + COLUMNS + ", note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                reports,
                (ps, r) -> {
                    bind(ps, r);
                    ps.setString(15, r.note());
                });
    }

    private static void bind(PreparedStatement ps, StoredReport r) throws SQLException {
        ps.setLong(1, r.dataCenterId());
        ps.setObject(2, month(r.period()));
        ps.setInt(3, r.revision());
        ps.setBigDecimal(4, r.facilityKwh());
        ps.setBigDecimal(5, r.itKwh());
        Jdbc.setDecimal(ps, 6, r.renewableKwh());
        Jdbc.setDecimal(ps, 7, r.reusedKwh());
        Jdbc.setDecimal(ps, 8, r.waterM3());
        Jdbc.setInteger(ps, 9, r.racksInUse());
        Jdbc.setInteger(ps, 10, r.pueCategory());
        ps.setString(11, StoredReport.encode(r.flags()));
        ps.setObject(12, Jdbc.localDateTime(r.submittedAt()));
        ps.setString(13, r.submittedBy());
        Jdbc.setLong(ps, 14, r.batchId());
    }

    private static StoredReport read(ResultSet rs) throws SQLException {
        return read(rs, 0);
    }

    /** A report from the columns after the first {@code skip} of the row: {@link #COLUMNS}, then the note. */
    private static StoredReport read(ResultSet rs, int skip) throws SQLException {
        int c = skip;
        return new StoredReport(
                rs.getLong(c + 1),
                yearMonth(rs.getDate(c + 2)),
                rs.getInt(c + 3),
                rs.getBigDecimal(c + 4),
                rs.getBigDecimal(c + 5),
                rs.getBigDecimal(c + 6),
                rs.getBigDecimal(c + 7),
                rs.getBigDecimal(c + 8),
                rs.getObject(c + 9, Integer.class),
                rs.getObject(c + 10, Integer.class),
                StoredReport.decode(rs.getString(c + 11)),
                rs.getTimestamp(c + 12).toInstant(),
                rs.getString(c + 13),
                rs.getObject(c + 14, Long.class),
                rs.getString(c + 15));
    }

    /** Months are stored as their first day. */
    /** The first day of the month, bound as a LocalDate (the driver encodes it without a Calendar). */
    static LocalDate month(YearMonth month) {
        return month == null ? null : month.atDay(1);
    }

    static YearMonth yearMonth(Date date) {
        return date == null ? null : YearMonth.from(date.toLocalDate());
    }
}
