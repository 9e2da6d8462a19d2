package io.dceff.platform.jdbc;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC for the set-based paths (batches, aggregates), joining the caller's transaction: the
 * pool hands the same connection to everything inside one transaction. SQL errors are rethrown
 * unchecked with the SQLException as cause, so the problem mapper can tell conflicts and outages apart.
 *
 * <p>Reads go by column name: a query selects named columns (aliases for expressions) and each row type
 * has one {@link RowMapper}, kept beside the service that owns its table, reading {@code rs.getString("code")}
 * and never a position, so adding or reordering a column cannot shift a value into the wrong field.
 */
@ApplicationScoped
public class Jdbc {

    /** Rows per JDBC batch and values per IN list. */
    public static final int CHUNK = 1000;

    @Inject
    AgroalDataSource dataSource;

    /** Consumes each row in turn, for results folded into a map or a sink rather than a list. */
    public interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Turns the current row into a value, reading columns by name. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public interface Binder<T> {
        void bind(PreparedStatement ps, T value) throws SQLException;
    }

    public void query(String sql, List<?> params, RowHandler handler) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Every row, mapped. */
    public <T> List<T> list(String sql, List<?> params, RowMapper<T> mapper) {
        List<T> rows = new ArrayList<>();
        query(sql, params, rs -> rows.add(mapper.map(rs)));
        return rows;
    }

    /** The first row, mapped, if there is one. */
    public <T> Optional<T> first(String sql, List<?> params, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, params);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** The one row a query always returns, such as an aggregate without GROUP BY, mapped. */
    public <T> T one(String sql, List<?> params, RowMapper<T> mapper) {
        return first(sql, params, mapper)
                .orElseThrow(() -> new IllegalStateException("no row from a query that always returns one"));
    }

    public int update(String sql, List<?> params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Inserts one row and returns its generated key. */
    public long insert(String sql, List<?> params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bindAll(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** One statement for many rows, sent {@value #CHUNK} rows at a time. */
    public <T> void batch(String sql, List<T> values, Binder<T> binder) {
        if (values.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (T value : values) {
                binder.bind(ps, value);
                ps.addBatch();
                if (++pending == CHUNK) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    public static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    public static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < values.size(); i += CHUNK) {
            chunks.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
        }
        return chunks;
    }

    public static void setDecimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        ps.setObject(index, value, Types.DECIMAL);
    }

    public static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    /** An instant as the local date-time a TIMESTAMP column stores (the JVM's zone, as java.sql.Timestamp would). */
    public static LocalDateTime localDateTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
    }

    public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void bindAll(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    /** An SQL failure, unchecked. */
    public static class DataAccessException extends RuntimeException {
        public DataAccessException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
