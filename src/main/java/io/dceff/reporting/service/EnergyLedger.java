package io.dceff.reporting.service;

import io.dceff.platform.jdbc.Jdbc;
import io.dceff.reporting.EnergySums;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What other capabilities read of the energy reports, by data-center id: sums over a span of months (a year, a
 * window), the months reported, the revisions read, a stamp of the revisions stored. Reporting owns energy_report,
 * which holds the latest revision of each month; this is where the other capabilities' SQL against it is written.
 * Each answer is one grouped statement (per thousand ids where ids are given).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EnergyLedger {

    /** Receives one report's data center, month and revision. */
    @FunctionalInterface
    public interface RevisionSink {
        void accept(long dataCenterId, YearMonth period, int revision);
    }

    @Inject
    Jdbc jdbc;

    /** The sums of every data center that reported in [first, last]; those without a report are absent. */
    public Map<Long, EnergySums> sums(YearMonth first, YearMonth last) {
        Map<Long, EnergySums> sums = new HashMap<>();
        jdbc.query(
                "SELECT data_center_id, SUM(facility_kwh) AS facility, SUM(it_kwh) AS it,"
                        + " SUM(COALESCE(reused_kwh, 0)) AS reused, COUNT(*) AS months FROM energy_report"
                        + " WHERE period BETWEEN ? AND ? GROUP BY data_center_id",
                List.of(month(first), month(last)),
                rs -> sums.put(
                        rs.getLong("data_center_id"),
                        new EnergySums(
                                rs.getBigDecimal("facility"),
                                rs.getBigDecimal("it"),
                                rs.getBigDecimal("reused"),
                                rs.getInt("months"))));
        return sums;
    }

    /** The months in [first, last] that these data centers reported; those without a report are absent. */
    public Map<Long, Set<YearMonth>> reportedMonths(Collection<Long> dataCenterIds, YearMonth first, YearMonth last) {
        Map<Long, Set<YearMonth>> months = new HashMap<>();
        for (List<Long> chunk : Jdbc.chunks(List.copyOf(dataCenterIds))) {
            List<Object> params = new ArrayList<>(chunk);
            params.add(month(first));
            params.add(month(last));
            jdbc.query(
                    "SELECT data_center_id, period FROM energy_report WHERE data_center_id IN ("
                            + Jdbc.placeholders(chunk.size()) + ") AND period BETWEEN ? AND ?",
                    params,
                    rs -> months.computeIfAbsent(rs.getLong("data_center_id"), id -> new HashSet<>())
                            .add(YearMonth.from(rs.getObject("period", LocalDate.class))));
        }
        return months;
    }

    /** The revision of every month reported in [first, last], by data center, then month. */
    public void revisions(YearMonth first, YearMonth last, RevisionSink sink) {
        jdbc.query(
                "SELECT data_center_id, period, revision FROM energy_report WHERE period BETWEEN ? AND ?"
                        + " ORDER BY data_center_id, period",
                List.of(month(first), month(last)),
                rs -> sink.accept(
                        rs.getLong("data_center_id"),
                        YearMonth.from(rs.getObject("period", LocalDate.class)),
                        rs.getInt("revision")));
    }

    /**
     * A stamp of the revisions stored: the largest revision id and the count of revisions among the last
     * {@code stillCommitting} ids (those a batch may still be committing: transactions commit out of id order).
     * Every report or correction stored changes it.
     */
    public String revisionsStamp(long stillCommitting) {
        return jdbc.one(
                "SELECT CONCAT(COALESCE(MAX(id), 0), '/', COUNT(*)) AS stamp FROM energy_report_revision"
                        + " WHERE id > (SELECT COALESCE(MAX(id), 0) - ? FROM energy_report_revision)",
                List.of(stillCommitting),
                rs -> rs.getString("stamp"));
    }

    /** Months are stored as their first day. */
    private static LocalDate month(YearMonth month) {
        return month.atDay(1);
    }
}
