package io.dceff.stations.service;

import io.dceff.platform.DceffConfig;
import io.dceff.platform.audit.Audited;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.jdbc.RetriedTransaction;
import io.dceff.platform.paging.Page;
import io.dceff.platform.paging.PageRequest;
import io.dceff.platform.problem.Problem.FieldError;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.problem.ProblemType;
import io.dceff.platform.security.Actor;
import io.dceff.registry.District;
import io.dceff.registry.OrganizationKind;
import io.dceff.registry.service.OrganizationService;
import io.dceff.stations.BaseStation;
import io.dceff.stations.SharingChange;
import io.dceff.stations.SharingRate;
import io.dceff.stations.StationLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Carriers' base stations: batch upserts keyed by (carrier, site id), all or nothing, with reference
 * data looked up once per batch and rows written in JDBC batches; sharing rates by year from counts kept per
 * (carrier, year built, district) in each batch's transaction (V14).
 */
@ApplicationScoped
@Transactional
public class BaseStationService {

    @Inject
    Jdbc jdbc;

    @Inject
    OrganizationService organizations;

    @Inject
    DceffConfig config;

    @Inject
    Clock clock;

    /** The counts of a stored batch. */
    public record Upserted(int rows, int inserted, int updated) {}

    /** Stores a carrier's batch: new sites are added, known ones updated; any bad row and nothing is stored. */
    @Audited
    @RetriedTransaction
    public Upserted upsert(String carrier, List<StationLine> rows, Actor actor) {
        if (rows.isEmpty()) {
            throw ProblemException.invalid("body", "the batch has no rows");
        }
        if (rows.size() > config.stations().maxBatchRows()) {
            throw ProblemException.invalid(
                    "body", "a batch holds at most " + config.stations().maxBatchRows() + " rows");
        }
        Set<String> districts =
                District.<District>listAll().stream().map(d -> d.code).collect(Collectors.toSet());
        Set<String> carriers = organizations.codes(OrganizationKind.CARRIER);
        if (!carriers.contains(carrier)) {
            throw ProblemException.forbidden("Your organization " + carrier + " is not a registered carrier");
        }
        Set<String> technologies = new HashSet<>(config.stations().technologies());
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            StationLine r = rows.get(i);
            r.inputErrors().forEach(e -> errors.add(e.atRow(row)));
            if (r.district() != null && !districts.contains(r.district())) {
                errors.add(new FieldError(row, "district", "unknown district " + r.district()));
            }
            if (r.technology() != null && !technologies.contains(r.technology())) {
                errors.add(new FieldError(row, "technology", "must be one of " + new TreeSet<>(technologies)));
            }
            if (r.builtOn() != null && r.builtOn().isAfter(today)) {
                errors.add(new FieldError(row, "builtOn", "is in the future"));
            }
            for (String other : r.sharedWith() == null ? List.<String>of() : r.sharedWith()) {
                if (other == null || other.equals(carrier)) {
                    errors.add(
                            new FieldError(row, "sharedWith", "names the reporting carrier itself; list the others"));
                } else if (!carriers.contains(other)) {
                    errors.add(new FieldError(row, "sharedWith", "unknown carrier " + other));
                }
            }
            if (r.siteId() != null) {
                Integer earlier = seen.putIfAbsent(r.siteId(), row);
                if (earlier != null) {
                    errors.add(new FieldError(row, "siteId", "repeats row " + earlier));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    ProblemType.INVALID_INPUT,
                    errors.size() + " problems in "
                            + errors.stream().map(FieldError::row).distinct().count() + " rows; nothing was stored",
                    errors);
        }
        // known sites are updated, new ones inserted: two plain batches are several times faster than one
        // INSERT ... ON DUPLICATE KEY UPDATE (BENCHMARK.md). A site added meanwhile by a concurrent batch of
        // the same carrier makes the insert fail on the unique key: 409, nothing stored, retry. The known sites
        // are read with a lock, so the buckets they leave in the sharing totals are the ones they are in.
        Set<String> known = new HashSet<>();
        SharingChange sharing = new SharingChange();
        for (List<StationLine> chunk : Jdbc.chunks(rows)) {
            List<Object> params = new ArrayList<>(chunk.size() + 1);
            params.add(carrier);
            chunk.forEach(r -> params.add(r.siteId()));
            jdbc.query(
                    "SELECT site_id, district_code, built_on, shared FROM base_station WHERE carrier_code = ? AND"
                            + " site_id IN (" + Jdbc.placeholders(chunk.size()) + ") FOR UPDATE",
                    params,
                    rs -> {
                        known.add(rs.getString("site_id"));
                        sharing.remove(
                                rs.getString("district_code"),
                                rs.getObject("built_on", LocalDate.class),
                                rs.getBoolean("shared"));
                    });
        }
        List<StationLine> added = new ArrayList<>(rows.size() - known.size());
        List<StationLine> changed = new ArrayList<>(known.size());
        for (StationLine r : rows) {
            (known.contains(r.siteId()) ? changed : added).add(r);
            sharing.add(r.district(), r.builtOn(), !sharedWith(r.sharedWith()).isEmpty());
        }
        LocalDateTime now = Jdbc.localDateTime(Instant.now(clock));
        jdbc.batch(
                "INSERT INTO base_station (district_code, technology, built_on, shared_with, shared, reported_at,"
                        + " reported_by, carrier_code, site_id) VALUES (?,?,?,?,?,?,?,?,?)",
                added,
                (ps, r) -> bindStation(ps, r, carrier, now, actor.subject()));
        jdbc.batch(
                "UPDATE base_station SET district_code = ?, technology = ?, built_on = ?, shared_with = ?, shared = ?,"
                        + " reported_at = ?, reported_by = ? WHERE carrier_code = ? AND site_id = ?",
                changed,
                (ps, r) -> bindStation(ps, r, carrier, now, actor.subject()));
        jdbc.batch(
                "INSERT INTO base_station_sharing_total (carrier_code, built_year, district_code, new_builds, shared)"
                        + " VALUES (?,?,?,?,?) ON DUPLICATE KEY UPDATE new_builds = new_builds + VALUES(new_builds),"
                        + " shared = shared + VALUES(shared)",
                List.copyOf(sharing.changed().entrySet()),
                (ps, e) -> {
                    ps.setString(1, carrier);
                    ps.setInt(2, e.getKey().builtYear());
                    ps.setString(3, e.getKey().district());
                    ps.setLong(4, e.getValue().newBuilds());
                    ps.setLong(5, e.getValue().shared());
                });
        int inserted = added.size();
        return new Upserted(rows.size(), inserted, rows.size() - inserted);
    }

    @Transactional(TxType.SUPPORTS)
    public Page<BaseStation> list(
            String carrier, String district, Integer builtYear, Boolean shared, Actor actor, PageRequest page) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        String owner = carrierScope(carrier, actor);
        if (owner != null) {
            where.add("carrier_code = ?");
            params.add(owner);
        }
        if (district != null) {
            where.add("district_code = ?");
            params.add(district);
        }
        if (builtYear != null) {
            where.add("built_on BETWEEN ? AND ?");
            params.add(Date.valueOf(LocalDate.of(builtYear, 1, 1)));
            params.add(Date.valueOf(LocalDate.of(builtYear, 12, 31)));
        }
        if (shared != null) {
            where.add("shared = ?");
            params.add(shared);
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.one("SELECT COUNT(*) AS total FROM base_station" + filter, params, rs -> rs.getLong("total"));
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size);
        pageParams.add(page.offset());
        List<BaseStation> items = jdbc.list(
                "SELECT carrier_code, site_id, district_code, technology, built_on,"
                        + " shared_with, shared, reported_at FROM base_station" + filter
                        + " ORDER BY carrier_code, site_id LIMIT ? OFFSET ?",
                pageParams,
                BaseStationService::station);
        return new Page<>(items, page.page, page.size, total);
    }

    /** Sharing of the year's new builds, overall and grouped by district or carrier, in one grouped query. */
    @Transactional(TxType.SUPPORTS)
    public List<SharingRate> sharing(int year, String groupBy, String carrier, Actor actor) {
        carrier = carrierScope(carrier, actor);
        String column = switch (groupBy) {
            case "district" -> "district_code";
            case "carrier" -> "carrier_code";
            default -> throw ProblemException.invalid("groupBy", "must be district or carrier");
        };
        return jdbc.list(
                "SELECT " + column + " AS grouped_by, SUM(new_builds) AS new_builds, SUM(shared) AS shared"
                        + " FROM base_station_sharing_total WHERE built_year = ?" + ofCarrier(carrier)
                        + " GROUP BY " + column + " HAVING SUM(new_builds) > 0 ORDER BY " + column,
                yearOf(year, carrier),
                rs -> sharingRate(rs, rs.getString("grouped_by")));
    }

    /** The year's new builds and how many are shared, of every carrier or of one (null: all; a carrier's own). */
    @Transactional(TxType.SUPPORTS)
    public SharingRate overall(int year, String carrier, Actor actor) {
        carrier = carrierScope(carrier, actor);
        return jdbc.one(
                "SELECT COALESCE(SUM(new_builds), 0) AS new_builds, COALESCE(SUM(shared), 0) AS shared"
                        + " FROM base_station_sharing_total WHERE built_year = ?" + ofCarrier(carrier),
                yearOf(year, carrier),
                rs -> sharingRate(rs, "overall"));
    }

    /**
     * Sharing of the sites built in [from, to], of one district when given, over every carrier: from the kept
     * totals for a whole calendar year, else counted from the stations (part of a year, as of a date).
     */
    @Transactional(TxType.SUPPORTS)
    public SharingRate builtBetween(LocalDate from, LocalDate to, String district) {
        if (from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()))) {
            List<Object> params = new ArrayList<>(List.of(from.getYear()));
            if (district != null) {
                params.add(district);
            }
            return jdbc.one(
                    "SELECT COALESCE(SUM(new_builds), 0) AS new_builds, COALESCE(SUM(shared), 0) AS shared"
                            + " FROM base_station_sharing_total WHERE built_year = ?"
                            + (district == null ? "" : " AND district_code = ?"),
                    params,
                    rs -> sharingRate(rs, "overall"));
        }
        List<Object> params = new ArrayList<>(List.of(from, to));
        if (district != null) {
            params.add(district);
        }
        return jdbc.one(
                "SELECT COUNT(*) AS new_builds, COALESCE(SUM(shared), 0) AS shared FROM base_station"
                        + " WHERE built_on BETWEEN ? AND ?" + (district == null ? "" : " AND district_code = ?"),
                params,
                rs -> sharingRate(rs, "overall"));
    }

    /** A base_station row as selected by {@link #list}. */
    private static BaseStation station(ResultSet rs) throws SQLException {
        return new BaseStation(
                rs.getString("carrier_code"),
                rs.getString("site_id"),
                rs.getString("district_code"),
                rs.getString("technology"),
                rs.getObject("built_on", LocalDate.class),
                split(rs.getString("shared_with")),
                rs.getBoolean("shared"),
                rs.getTimestamp("reported_at").toInstant());
    }

    /** A count of new builds ({@code new_builds}) and of the shared among them ({@code shared}). */
    private static SharingRate sharingRate(ResultSet rs, String group) throws SQLException {
        return SharingRate.of(group, rs.getLong("new_builds"), rs.getLong("shared"));
    }

    /** The carrier a query is limited to: a carrier's own (403 when it names another), else the one asked for. */
    private static String carrierScope(String carrier, Actor actor) {
        String scope = actor.restrictedTo().orElse(null);
        if (scope != null && carrier != null && !carrier.equals(scope)) {
            throw ProblemException.forbidden("Carriers see only their own base stations");
        }
        return scope != null ? scope : carrier;
    }

    private static String ofCarrier(String carrier) {
        return carrier == null ? "" : " AND carrier_code = ?";
    }

    private static List<Object> yearOf(int year, String carrier) {
        List<Object> params = new ArrayList<>(List.of(year));
        if (carrier != null) {
            params.add(carrier);
        }
        return params;
    }

    /** Binds a row in the column order shared by the insert and the update. */
    private static void bindStation(
            PreparedStatement ps, StationLine r, String carrier, LocalDateTime now, String subject)
            throws SQLException {
        String sharedWith = sharedWith(r.sharedWith());
        ps.setString(1, r.district());
        ps.setString(2, r.technology());
        ps.setObject(3, r.builtOn());
        ps.setString(4, sharedWith);
        ps.setBoolean(5, !sharedWith.isEmpty());
        ps.setObject(6, now);
        ps.setString(7, subject);
        ps.setString(8, carrier);
        ps.setString(9, r.siteId());
    }

    /** Sorted and de-duplicated, so the same sharing always reads the same. */
    static String sharedWith(List<String> carriers) {
        return carriers == null ? "" : String.join(";", new TreeSet<>(carriers));
    }

    static List<String> split(String sharedWith) {
        return sharedWith == null || sharedWith.isEmpty() ? List.of() : Arrays.asList(sharedWith.split(";"));
    }
}
