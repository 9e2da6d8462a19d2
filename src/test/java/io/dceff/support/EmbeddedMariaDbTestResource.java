package io.dceff.support;

import io.dceff.platform.embedded.EmbeddedMariaDb;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The tests' database: a fresh embedded MariaDB per test run, or the external server named by
 * {@code QUARKUS_DATASOURCE_JDBC_URL} when one is given. The binaries are unpacked once under
 * target/ and shared; each run gets a data directory of its own, removed at the end.
 */
public class EmbeddedMariaDbTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedMariaDb db;

    @Override
    public Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        Path root = Path.of("target", "embedded-mariadb");
        db = new EmbeddedMariaDb(root.resolve("base"), root.resolve("run-" + UUID.randomUUID()), "dceff", 0, "256M");
        db.start();
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password(),
                "dceff.embedded.active", "true");
    }

    @Override
    public void stop() {
        if (db != null) {
            db.destroy();
            db = null;
        }
    }

    /** The running embedded server, for tests that stop and restart it; null on an external database. */
    public static EmbeddedMariaDb database() {
        return db;
    }
}
