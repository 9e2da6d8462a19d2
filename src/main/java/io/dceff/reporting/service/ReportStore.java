package io.dceff.reporting.service;

import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.jdbc.Jdbc.RowMapper;
import io.dceff.reporting.QualityFlag;
import io.dceff.reporting.ReportBatch;
import io.dceff.reporting.StoredMonths;
import io.dceff.reporting.StoredReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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

    /** A NULL for each of {@link #COLUMNS} and the note: no report, in a row of a UNION that has them. */
    private static final String NO_REPORT =
            String.join(", ", Collections.nCopies(COLUMNS.split(", ").length + 1, "NULL"));

    /**
     * A row of energy_report or energy_report_revision: {@link #COLUMNS} and the note (selected as {@code NULL AS
     * note} from energy_report, which keeps none), read by name.
     */
    private static final RowMapper<StoredReport> REPORT = rs -> new StoredReport(
            rs.getLong("data_center_id"),
            yearMonth(rs.getObject("period", LocalDate.class)),
            rs.getInt("revision"),
            rs.getBigDecimal("facility_kwh"),
            rs.getBigDecimal("it_kwh"),
            rs.getBigDecimal("renewable_kwh"),
            rs.getBigDecimal("reused_kwh"),
            rs.getBigDecimal("water_m3"),
            rs.getObject("racks_in_use", Integer.class),
            rs.getObject("pue_category", Integer.class),
            QualityFlag.fromColumn(rs.getString("quality_flags")),
            rs.getTimestamp("submitted_at").toInstant(),
            rs.getString("submitted_by"),
            rs.getObject("batch_id", Long.class),
            rs.getString("note"));

    @Inject
    Jdbc jdbc;

    @Inject
    WindowTotals windowTotals;

    /**
     * The latest revisions of these sites' months in [from, to] (none when from is null or after to) and the first
     * month each has reported, in one statement per thousand sites: what a submission needs to know of what is stored.
     */
    public StoredMonths months(Collection<Long> dataCenterIds, YearMonth from, YearMonth to) {
        Map<Long, NavigableMap<YearMonth, StoredReport>> current = new HashMap<>();
        Map<Long, YearMonth> firstReported = new HashMap<>();
        for (List<Long> chunk : Jdbc.chunks(List.copyOf(dataCenterIds))) {
            List<Object> params = new ArrayList<>(chunk.size() * 2 + 2);
            params.addAll(chunk);
            params.addAll(chunk);
            params.add(month(from));
            params.add(month(to));
            // the months as one range per site of the unique key; then a row per site with its first month, one
            // dive into the same key each
            jdbc.query(
                    "WITH site (id) AS (VALUES " + String.join(",", Collections.nCopies(chunk.size(), "(?)")) + ")"
                            + " SELECT r.data_center_id AS site_id, NULL AS first_period, " + PREFIXED
                            + ", NULL AS note FROM energy_report r WHERE r.data_center_id IN ("
                            + Jdbc.placeholders(chunk.size()) + ") AND r.period BETWEEN ? AND ?"
                            + " UNION ALL SELECT site.id, (SELECT f.period FROM energy_report f"
                            + " WHERE f.data_center_id = site.id ORDER BY f.period LIMIT 1), " + NO_REPORT
                            + " FROM site",
                    params,
                    rs -> {
                        long id = rs.getLong("site_id");
                        LocalDate first = rs.getObject("first_period", LocalDate.class);
                        if (first != null) {
                            firstReported.put(id, YearMonth.from(first));
                        } else if (rs.getObject("period") != null) {
                            StoredReport report = REPORT.map(rs);
                            current.computeIfAbsent(id, k -> new TreeMap<>()).put(report.period(), report);
                        }
                    });
        }
        return new StoredMonths(current, firstReported);
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
                    "SELECT " + COLUMNS + ", NULL AS note FROM energy_report WHERE data_center_id IN ("
                            + Jdbc.placeholders(chunk.size()) + ") AND period BETWEEN ? AND ?",
                    params,
                    rs -> {
                        StoredReport report = REPORT.map(rs);
                        found.computeIfAbsent(report.dataCenterId(), id -> new TreeMap<>())
                                .put(report.period(), report);
                    });
        }
        return found;
    }

    /** The latest revision of one month, locked until the transaction ends (corrections queue up here). */
    public Optional<StoredReport> lockCurrent(long dataCenterId, YearMonth period) {
        return jdbc.first(
                "SELECT " + COLUMNS + ", NULL AS note FROM energy_report WHERE data_center_id = ? AND period = ?"
                        + " FOR UPDATE",
                List.of(dataCenterId, month(period)),
                REPORT);
    }

    public List<StoredReport> revisions(long dataCenterId, YearMonth period) {
        return jdbc.list(
                "SELECT " + COLUMNS + ", note FROM energy_report_revision WHERE data_center_id = ? AND period = ?"
                        + " ORDER BY revision",
                List.of(dataCenterId, month(period)),
                REPORT);
    }

    /** Latest revisions of one data center, oldest month first, one page of them. */
    public List<StoredReport> page(long dataCenterId, YearMonth from, YearMonth to, int offset, int limit) {
        return jdbc.list(
                "SELECT " + COLUMNS + ", NULL AS note FROM energy_report WHERE data_center_id = ?"
                        + " AND period BETWEEN ? AND ? ORDER BY period LIMIT ? OFFSET ?",
                List.of(dataCenterId, month(from), month(to), limit, offset),
                REPORT);
    }

    public long count(long dataCenterId, YearMonth from, YearMonth to) {
        return jdbc.one(
                "SELECT COUNT(*) AS reports FROM energy_report WHERE data_center_id = ? AND period BETWEEN ? AND ?",
                List.of(dataCenterId, month(from), month(to)),
                rs -> rs.getLong("reports"));
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
                    ps.setString(9, QualityFlag.toColumn(r.flags()));
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
                    ps.setString(1, QualityFlag.toColumn(e.getValue()));
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

    /**
     * A stored batch as its tables hold it: the summary, and each row's data center, month and flags in submission
     * order.
     */
    public record StoredBatch(ReportBatch summary, List<BatchRow> rows) {}

    public record BatchRow(long dataCenterId, YearMonth period, EnumSet<QualityFlag> flags) {}

    public Optional<StoredBatch> batch(long id) {
        return jdbc.first(
                        "SELECT row_count, data_centers, first_period, last_period, flagged FROM report_batch"
                                + " WHERE id = ?",
                        List.of(id),
                        rs -> new ReportBatch(
                                id,
                                rs.getInt("row_count"),
                                rs.getInt("data_centers"),
                                yearMonth(rs.getObject("first_period", LocalDate.class)),
                                yearMonth(rs.getObject("last_period", LocalDate.class)),
                                rs.getInt("flagged"),
                                List.of()))
                .map(summary -> new StoredBatch(
                        summary,
                        jdbc.list(
                                "SELECT data_center_id, period, quality_flags FROM energy_report_revision"
                                        + " WHERE batch_id = ? ORDER BY id",
                                List.of(id),
                                rs -> new BatchRow(
                                        rs.getLong("data_center_id"),
                                        yearMonth(rs.getObject("period", LocalDate.class)),
                                        QualityFlag.fromColumn(rs.getString("quality_flags"))))));
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
        ps.setString(11, QualityFlag.toColumn(r.flags()));
        ps.setObject(12, Jdbc.localDateTime(r.submittedAt()));
        ps.setString(13, r.submittedBy());
        Jdbc.setLong(ps, 14, r.batchId());
    }

    /** Months are stored as their first day, bound as a LocalDate (the driver encodes it without a Calendar). */
    static LocalDate month(YearMonth month) {
        return month == null ? null : month.atDay(1);
    }

    static YearMonth yearMonth(LocalDate day) {
        return day == null ? null : YearMonth.from(day);
    }
}
