package io.dceff.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged service (target/quarkus-app) run as a user runs it: {@code java -jar} in a folder of their
 * choosing, on its embedded default unless told otherwise, its output in {@code service.log} there.
 */
public final class PackagedService {

    /** A first start unpacks 350 MB and initialises MariaDB; on a busy machine that takes minutes. */
    private static final Duration START_LIMIT = Duration.ofMinutes(5);

    private final Path workDir;
    private final Path log;
    /** Whether {@link #destroy()} removes the folder: only one made for this service. */
    private final boolean ownsFolder;

    private Process process;

    /** The service in a folder of its own (removed by {@link #destroy()}), its output in service.log there. */
    public PackagedService(Path workDir) {
        this(workDir, workDir.resolve("service.log"), true);
    }

    private PackagedService(Path workDir, Path log, boolean ownsFolder) {
        this.workDir = workDir.toAbsolutePath();
        this.log = log.toAbsolutePath();
        this.ownsFolder = ownsFolder;
    }

    /** The service started from the project folder (where ratings/ is, as production needs), its output in log. */
    public static PackagedService inProject(Path log) {
        return new PackagedService(Path.of(""), log, false);
    }

    /**
     * A fresh folder under target/ whose absolute path is longer than {@code minLength} characters, as a clone
     * deep in someone's home directory would be.
     */
    public static Path deepFolder(String name, int minLength) throws IOException {
        Path dir = Path.of("target")
                .toAbsolutePath()
                .resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8));
        int level = 1;
        while (dir.toString().length() <= minLength) {
            dir = dir.resolve("a-folder-as-deep-as-some-people-keep-their-projects-" + level++);
        }
        Files.createDirectories(dir);
        return dir;
    }

    public Path workDir() {
        return workDir;
    }

    public Path log() {
        return log;
    }

    public Process process() {
        return process;
    }

    /** Starts {@code java -jar quarkus-run.jar} in the folder with the given environment on top of ours. */
    public void launch(Map<String, String> environment) throws IOException {
        Files.createDirectories(workDir);
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().remove("QUARKUS_HTTP_HOST");
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Waits until the log shows {@code text}, failing as soon as the service has died. */
    public void awaitLog(String text) throws Exception {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            assertThat(process.isAlive())
                    .as("service running; its log:\n" + tail())
                    .isTrue();
            Thread.sleep(500);
        }
        throw new AssertionError("\"" + text + "\" not logged within " + START_LIMIT + "; see " + log);
    }

    /** Waits until readiness answers 200 on the port. */
    public void awaitReady(int port) throws Exception {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive())
                    .as("service running; its log:\n" + tail())
                    .isTrue();
            try {
                if (given().port(port).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("service not ready within " + START_LIMIT + "; see " + log);
    }

    /** SIGTERM, as Ctrl+C or a process manager would; the service must exit by itself. */
    public void stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("stopped on SIGTERM")
                .isTrue();
    }

    /** @return the exit code, waiting for the process to end by itself */
    public int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS))
                .as("exited; see " + log)
                .isTrue();
        return process.exitValue();
    }

    /** Kills what is left and removes the folder if it is the service's own. */
    public void destroy() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (!ownsFolder) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // nothing left to remove
        }
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** An IPv4 address of this machine that is not loopback: how another machine would reach it. */
    public static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Collections.list(nic.getInetAddresses()).stream()
                        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                        .forEach(found::add);
            }
        }
        return found.stream().findFirst();
    }
}
