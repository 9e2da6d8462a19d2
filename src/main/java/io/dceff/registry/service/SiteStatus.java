package io.dceff.registry.service;

import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.jdbc.SqlFragment;
import io.dceff.registry.DataCenterStatus;
import io.dceff.registry.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry's answers for capabilities that work on many data centers at once: sites with their status at a
 * date, the running ones, sites by code or id, codes by id, a stamp of what changed. The registry owns data centers
 * and their status history; other capabilities ask here instead of writing SQL against its tables. Each answer is
 * one statement (per thousand codes or ids where they are given); where another capability's figures must come in
 * the same statement, it hands its columns and joins over as fragments ({@link #commissionedBy}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SiteStatus {

    private static final String COLUMNS = "d.id, d.code, d.name, d.operator_code, d.district_code, d.racks,"
            + " d.commissioned_on, d.zero_carbon_certified_on";

    /** The id of the data center in the statement of {@link #commissionedBy}, for the joins handed to it. */
    public static final String SITE_ID = "d.id";

    /** Maps a row of {@link #commissionedBy}: the registry's site, and the row to read the caller's columns from. */
    @FunctionalInterface
    public interface SiteRow<T> {
        T map(Site site, ResultSet rs) throws SQLException;
    }

    @Inject
    Jdbc jdbc;

    /** Every data center, by code, with its status at {@code date}. */
    public List<Site> at(LocalDate date) {
        List<Site> sites = new ArrayList<>();
        jdbc.query(
                "SELECT " + COLUMNS + ", " + StatusAt.sql("d.id") + " AS status FROM data_center d ORDER BY d.code",
                List.of(date),
                rs -> sites.add(site(rs)));
        return sites;
    }

    /** These data centers, by id, with their status at {@code date}. */
    public Map<Long, Site> at(Collection<Long> ids, LocalDate date) {
        Map<Long, Site> sites = new HashMap<>();
        for (List<Long> chunk : Jdbc.chunks(List.copyOf(ids))) {
            List<Object> params = new ArrayList<>();
            params.add(date);
            params.addAll(chunk);
            jdbc.query(
                    "SELECT " + COLUMNS + ", " + StatusAt.sql("d.id") + " AS status FROM data_center d WHERE d.id IN ("
                            + Jdbc.placeholders(chunk.size()) + ")",
                    params,
                    rs -> {
                        Site site = site(rs);
                        sites.put(site.id(), site);
                    });
        }
        return sites;
    }

    /**
     * The data centers OPERATING or CONSOLIDATING now (their status is their current one) and commissioned on or
     * before {@code commissionedBy}, of one district and one operator when given.
     */
    public List<Site> running(LocalDate commissionedBy, String district, String operator) {
        List<Site> sites = new ArrayList<>();
        jdbc.query(
                "SELECT " + COLUMNS + ", d.status AS status FROM data_center d"
                        + " WHERE d.status IN ('OPERATING', 'CONSOLIDATING') AND d.commissioned_on <= ?"
                        + " AND (? IS NULL OR d.district_code = ?) AND (? IS NULL OR d.operator_code = ?)",
                Arrays.asList(commissionedBy, district, district, operator, operator),
                rs -> sites.add(site(rs)));
        return sites;
    }

    /**
     * Every data center commissioned on or before {@code date}, with its status at that date, and beside it the
     * columns of another capability: {@code SELECT <site>, <status at date>, <columns> FROM data_center d <joins>
     * WHERE d.commissioned_on <= ?}. One statement for every site at once (the closure rule's facts, timed in
     * BENCHMARK.md); {@code joins} refer to the site as {@link #SITE_ID}, and the columns carry labels to read them
     * by.
     */
    public <T> List<T> commissionedBy(LocalDate date, SqlFragment columns, SqlFragment joins, SiteRow<T> row) {
        List<Object> params = new ArrayList<>();
        params.add(date);
        params.addAll(columns.params());
        params.addAll(joins.params());
        params.add(date);
        return jdbc.list(
                "SELECT " + COLUMNS + ", " + StatusAt.sql(SITE_ID) + " AS status"
                        + (columns.isEmpty() ? "" : ", " + columns.sql())
                        + " FROM data_center d" + (joins.isEmpty() ? "" : " " + joins.sql())
                        + " WHERE d.commissioned_on <= ?",
                params,
                rs -> row.map(site(rs), rs));
    }

    /**
     * A stamp of the data centers and their status history: it changes with every registration or update of a data
     * center (their count and optimistic-lock versions) and every status change (their largest id and count; rows
     * are counted because transactions commit out of id order). Equal stamps, equal sites and statuses.
     */
    public String stamp() {
        return jdbc.one(
                "SELECT (SELECT CONCAT(COALESCE(MAX(id), 0), '/', COUNT(*)) FROM data_center_status_change)"
                        + " AS status_changes,"
                        + " (SELECT CONCAT(COUNT(*), '/', COALESCE(SUM(version), 0)) FROM data_center) AS data_centers",
                List.of(),
                rs -> rs.getString("status_changes") + "|" + rs.getString("data_centers"));
    }

    /** The data centers with these codes, by code, with their current status; codes not registered are absent. */
    public Map<String, Site> byCode(Collection<String> codes) {
        return where("d.code", codes, Site::code);
    }

    /** These data centers, by id, with their current status. */
    public Map<Long, Site> byId(Collection<Long> ids) {
        return where("d.id", ids, Site::id);
    }

    /** The sites whose {@code column} is one of {@code values}, one statement per thousand, keyed by {@code key}. */
    private <K> Map<K, Site> where(String column, Collection<?> values, Function<Site, K> key) {
        Map<K, Site> sites = new HashMap<>();
        for (List<?> chunk : Jdbc.chunks(List.copyOf(values))) {
            jdbc.query(
                    "SELECT " + COLUMNS + ", d.status AS status FROM data_center d WHERE " + column + " IN ("
                            + Jdbc.placeholders(chunk.size()) + ")",
                    chunk,
                    rs -> {
                        Site site = site(rs);
                        sites.put(key.apply(site), site);
                    });
        }
        return sites;
    }

    /** The codes of these data centers, by id. */
    public Map<Long, String> codes(Collection<Long> ids) {
        Map<Long, String> codes = new HashMap<>();
        for (List<Long> chunk : Jdbc.chunks(List.copyOf(ids))) {
            jdbc.query(
                    "SELECT id, code FROM data_center WHERE id IN (" + Jdbc.placeholders(chunk.size()) + ")",
                    chunk,
                    rs -> codes.put(rs.getLong("id"), rs.getString("code")));
        }
        return codes;
    }

    private static Site site(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        return new Site(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("operator_code"),
                rs.getString("district_code"),
                rs.getInt("racks"),
                rs.getObject("commissioned_on", LocalDate.class),
                rs.getObject("zero_carbon_certified_on", LocalDate.class),
                status == null ? null : DataCenterStatus.valueOf(status));
    }
}
