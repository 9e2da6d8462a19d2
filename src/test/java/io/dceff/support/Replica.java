package io.dceff.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A replica of the packaged service on an external database, as the Kubernetes manifests run it: started from
 * the project folder on a free port, the development key allowed (the tests sign their tokens with it), and
 * named as the job lease names its holder.
 */
public record Replica(String name, PackagedService service, int port) {

    /**
     * @param log where its output goes
     * @param settings further environment of the test (job schedules, shutdown delay …)
     */
    public static Replica launch(
            String name, Path log, String jdbcUrl, String username, String password, Map<String, String> settings)
            throws Exception {
        int port = PackagedService.freePort();
        Map<String, String> env = new HashMap<>(settings);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", username);
        env.put("QUARKUS_DATASOURCE_PASSWORD", password);
        env.put("DCEFF_SECURITY_ALLOW_DEV_KEY", "true");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("DCEFF_JOBS_INSTANCE", name);
        PackagedService service = PackagedService.inProject(log);
        service.launch(env);
        return new Replica(name, service, port);
    }

    /** Waits until readiness answers 200, failing as soon as the replica has died. */
    public Replica awaitReady() throws Exception {
        service.awaitReady(port);
        return this;
    }

    public Process process() {
        return service.process();
    }

    public Path log() {
        return service.log();
    }
}
