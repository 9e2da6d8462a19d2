package io.dceff.platform.audit;

import io.dceff.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Stores and reads audit events. */
@ApplicationScoped
public class AuditTrail {

    /** One write, as the audit trail shows it. */
    @Schema(name = "AuditEvent")
    public record Event(
            long id,
            Instant occurredAt,
            @Schema(nullable = true) String requestId,
            String subject,
            @Schema(nullable = true) String organization,
            @Schema(nullable = true) String roles,
            String method,
            String path) {}

    @Inject
    Jdbc jdbc;

    /** Stores one write's event; called inside the write's transaction. */
    public void record(AuditScope.Request request, Set<String> dataCenters) {
        long id = jdbc.insert(
                "INSERT INTO audit_event (request_id, subject, organization, roles, method, path) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                java.util.Arrays.asList(
                        request.requestId(),
                        request.subject(),
                        request.organization(),
                        request.roles(),
                        request.method(),
                        abbreviate(request.path())));
        if (!dataCenters.isEmpty()) {
            jdbc.batch(
                    "INSERT IGNORE INTO audit_event_data_center (event_id, data_center_code) VALUES (?, ?)",
                    List.copyOf(dataCenters),
                    (ps, code) -> {
                        ps.setLong(1, id);
                        ps.setString(2, code);
                    });
        }
    }

    /** A data center's audit trail, newest first. */
    public List<Event> forDataCenter(String code, int limit) {
        return jdbc.list(
                "SELECT e.id, e.occurred_at, e.request_id, e.subject, e.organization, e.roles, e.method,"
                        + " e.path FROM audit_event_data_center d JOIN audit_event e ON e.id = d.event_id "
                        + "WHERE d.data_center_code = ? ORDER BY e.id DESC LIMIT ?",
                List.of(code, limit),
                AuditTrail::event);
    }

    private static Event event(ResultSet rs) throws SQLException {
        return new Event(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("request_id"),
                rs.getString("subject"),
                rs.getString("organization"),
                rs.getString("roles"),
                rs.getString("method"),
                rs.getString("path"));
    }

    private static String abbreviate(String path) {
        return path.length() <= 500 ? path : path.substring(0, 497) + "...";
    }
}
