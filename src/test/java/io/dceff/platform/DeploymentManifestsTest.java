package io.dceff.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The container image and the Kubernetes manifests agree with each other and with the service: the probes
 * ask what the service answers, selectors select the pods, every Secret and ConfigMap used exists or is
 * documented, the grace period covers the shutdown delay and timeout, and the service writes through the
 * Galera cluster's primary endpoint.
 */
class DeploymentManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path K8S = Path.of("k8s");

    private static JsonNode read(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    /** Every resource of a kustomization, following its resources entries into other folders. */
    private static List<JsonNode> resources(Path folder) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        JsonNode kustomization = read(folder.resolve("kustomization.yaml"));
        for (JsonNode entry : kustomization.path("resources")) {
            Path target = folder.resolve(entry.asText()).normalize();
            assertThat(target).as("resource of %s", folder).exists();
            if (Files.isDirectory(target)) {
                all.addAll(resources(target));
            } else {
                try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(target.toFile())) {
                    documents.forEachRemaining(all::add);
                }
            }
        }
        return all;
    }

    private static JsonNode only(List<JsonNode> resources, String kind) {
        List<JsonNode> found = resources.stream()
                .filter(r -> kind.equals(r.path("kind").asText()))
                .toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static Duration duration(String value) {
        return Duration.parse("PT" + value);
    }

    @Test
    void theBaseDeploymentIsProbedOnTheHealthEndpointsAndSelectedByItsServiceBudgetAndPolicy() throws IOException {
        List<JsonNode> base = resources(K8S.resolve("base"));
        JsonNode deployment = only(base, "Deployment");
        JsonNode pod = deployment.path("spec").path("template");
        Map<String, String> podLabels = YAML.convertValue(pod.path("metadata").path("labels"), Map.class);
        assertThat(podLabels)
                .containsAllEntriesOf(YAML.convertValue(
                        deployment.path("spec").path("selector").path("matchLabels"), Map.class));

        JsonNode container = pod.path("spec").path("containers").get(0);
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
        assertThat(container.path("startupProbe").path("httpGet").path("path").asText())
                .isEqualTo("/q/health/started");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                .isEqualTo("/q/health/ready");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
                .isEqualTo("/q/health/live");
        assertThat(container.path("resources").path("limits").path("memory").asText())
                .isNotEmpty();
        assertThat(container.path("resources").path("requests").path("cpu").asText())
                .isNotEmpty();
        assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean())
                .isTrue();

        for (String kind : List.of("Service", "PodDisruptionBudget")) {
            JsonNode selector = only(base, kind).path("spec").path("selector");
            Map<String, String> labels =
                    YAML.convertValue(selector.has("matchLabels") ? selector.path("matchLabels") : selector, Map.class);
            assertThat(podLabels).as(kind + " selects the pods").containsAllEntriesOf(labels);
        }
        assertThat(podLabels)
                .as("the network policy selects the pods")
                .containsAllEntriesOf(YAML.convertValue(
                        only(base, "NetworkPolicy")
                                .path("spec")
                                .path("podSelector")
                                .path("matchLabels"),
                        Map.class));
        JsonNode hpa = only(base, "HorizontalPodAutoscaler").path("spec");
        assertThat(hpa.path("scaleTargetRef").path("name").asText())
                .isEqualTo(deployment.path("metadata").path("name").asText());
        assertThat(hpa.path("minReplicas").asInt()).isEqualTo(3);
        assertThat(only(base, "PodDisruptionBudget")
                        .path("spec")
                        .path("maxUnavailable")
                        .asInt())
                .isLessThan(hpa.path("minReplicas").asInt());
        assertThat(only(base, "Service")
                        .path("spec")
                        .path("ports")
                        .get(0)
                        .path("targetPort")
                        .asText())
                .isEqualTo(container.path("ports").get(0).path("name").asText());
    }

    @Test
    void theConfigurationPointsAtTheGaleraPrimaryAndTheGracePeriodCoversTheShutdown() throws IOException {
        List<JsonNode> production = resources(K8S.resolve("overlays/production"));
        JsonNode config = only(production, "ConfigMap").path("data");
        JsonNode mariadb = only(production, "MariaDB").path("spec");
        assertThat(mariadb.path("replicas").asInt()).isEqualTo(3);
        assertThat(mariadb.path("galera").path("enabled").asBoolean()).isTrue();
        String dbName =
                only(production, "MariaDB").path("metadata").path("name").asText();
        String database =
                only(production, "Database").path("metadata").path("name").asText();
        assertThat(config.path("QUARKUS_DATASOURCE_JDBC_URL").asText())
                .isEqualTo("jdbc:mariadb://" + dbName + "-primary:3306/" + database
                        + "?sessionVariables=wsrep_sync_wait=1");
        JsonNode deployment = only(production, "Deployment");
        List<String> secretsUsed = new ArrayList<>();
        deployment
                .findValues("secretKeyRef")
                .forEach(ref -> secretsUsed.add(ref.path("name").asText()));
        deployment
                .findValues("secret")
                .forEach(ref -> secretsUsed.add(ref.path("secretName").asText()));
        JsonNode user = only(production, "User").path("spec");
        user.findValues("passwordSecretKeyRef")
                .forEach(ref -> secretsUsed.add(ref.path("name").asText()));
        mariadb.findValues("rootPasswordSecretKeyRef")
                .forEach(ref -> secretsUsed.add(ref.path("name").asText()));
        String howTo = Files.readString(K8S.resolve("README.md"));
        for (String secret : secretsUsed) {
            assertThat(howTo)
                    .as("k8s/README.md says how to create Secret " + secret)
                    .contains("create secret generic " + secret + " ");
        }
        assertThat(user.path("passwordSecretKeyRef").path("name").asText()).isEqualTo("dceff-db");

        Duration delay = duration(config.path("DCEFF_SHUTDOWN_DELAY").asText());
        Duration timeout = duration(config.path("DCEFF_SHUTDOWN_TIMEOUT").asText());
        long grace = deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("terminationGracePeriodSeconds")
                .asLong();
        assertThat(Duration.ofSeconds(grace)).isGreaterThan(delay.plus(timeout));
        // tokens come from the identity provider, reached over HTTPS through the NetworkPolicy's port 443
        assertThat(config.path("DCEFF_OIDC_ISSUER").asText()).startsWith("https://");
        assertThat(config.path("DCEFF_OIDC_AUDIENCE").asText()).isNotBlank();
    }

    @Test
    void everyConfigMapKeyIsAnEnvironmentFormOfAKnownSetting() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        String config = Files.readString(Path.of("src/main/java/io/dceff/platform/DceffConfig.java"));
        Map<String, String> known = new HashMap<>();
        // placeholders such as ${DCEFF_SHUTDOWN_DELAY:0S} name environment variables read by application.properties
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)")
                .matcher(Files.readString(Path.of("src/main/resources/application.properties")));
        while (placeholder.find()) {
            known.put(placeholder.group(1), "application.properties");
        }
        JsonNode data = read(K8S.resolve("base/configmap.yaml")).path("data");
        data.fieldNames().forEachRemaining(key -> {
            boolean quarkusOrMp = key.startsWith("QUARKUS_") || key.startsWith("MP_JWT_") || key.startsWith("JAVA_");
            String camel = camelOfLastWord(key);
            boolean dceff = key.startsWith("DCEFF_") && config.contains(camel + "()");
            assertThat(quarkusOrMp || dceff || known.containsKey(key))
                    .as("%s is a setting the service reads", key)
                    .isTrue();
        });
    }

    /** DCEFF_JOBS_REPORTS_DUE_DAY → reportsDueDay, the accessor in DceffConfig. */
    private static String camelOfLastWord(String key) {
        String[] words = key.toLowerCase().split("_");
        // the group is the word after DCEFF; the rest is the accessor
        StringBuilder camel = new StringBuilder(words.length > 3 ? words[2] : words[words.length - 1]);
        for (int i = 3; i < words.length; i++) {
            camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return camel.toString();
    }

    @Test
    void everyOverlayPatchesResourcesThatExist() throws IOException {
        try (Stream<Path> overlays = Files.list(K8S.resolve("overlays"))) {
            for (Path overlay : overlays.toList()) {
                List<JsonNode> resources = resources(overlay);
                for (JsonNode patch :
                        read(overlay.resolve("kustomization.yaml")).path("patches")) {
                    String kind = patch.path("target").path("kind").asText();
                    String name = patch.path("target").path("name").asText();
                    assertThat(resources)
                            .as("%s patches %s %s", overlay, kind, name)
                            .anyMatch(r -> kind.equals(r.path("kind").asText())
                                    && name.equals(
                                            r.path("metadata").path("name").asText()));
                }
            }
        }
    }

    /** Every overlay: base + database, as applied. */
    private static List<Path> overlays() throws IOException {
        try (Stream<Path> overlays = Files.list(K8S.resolve("overlays"))) {
            return overlays.sorted().toList();
        }
    }

    @Test
    void theServiceUserIsDeclaredApartWithConnectionsForEveryPodAtTheHpaMaximum() throws IOException {
        for (Path overlay : overlays()) {
            List<JsonNode> resources = resources(overlay);
            JsonNode mariadb = only(resources, "MariaDB").path("spec");
            // on the MariaDB resource these make a user limited to 20 connections, fixed at creation
            assertThat(mariadb.has("username") || mariadb.has("database") || mariadb.has("passwordSecretKeyRef"))
                    .as("%s: the service user is a User resource, not MariaDB.spec.username", overlay)
                    .isFalse();
            JsonNode user = only(resources, "User").path("spec");
            JsonNode grant = only(resources, "Grant").path("spec");
            JsonNode database = only(resources, "Database");
            assertThat(grant.path("username").asText())
                    .isEqualTo(only(resources, "User")
                            .path("metadata")
                            .path("name")
                            .asText());
            assertThat(grant.path("database").asText())
                    .isEqualTo(database.path("metadata").path("name").asText());

            int pool = only(resources, "ConfigMap")
                    .path("data")
                    .path("QUARKUS_DATASOURCE_JDBC_MAX_SIZE")
                    .asInt();
            int maxReplicas = only(resources, "HorizontalPodAutoscaler")
                    .path("spec")
                    .path("maxReplicas")
                    .asInt();
            int surge = only(resources, "Deployment")
                    .path("spec")
                    .path("strategy")
                    .path("rollingUpdate")
                    .path("maxSurge")
                    .asInt();
            int maxUserConnections = user.path("maxUserConnections").asInt();
            assertThat(maxUserConnections)
                    .as("%s: pool %d × (maxReplicas %d + surge %d)", overlay, pool, maxReplicas, surge)
                    .isGreaterThanOrEqualTo(pool * (maxReplicas + surge));
            long maxConnections = Long.parseLong(myCnf(mariadb, "max_connections"));
            assertThat(maxConnections)
                    .as("%s: max_connections leaves room for the operator's own users", overlay)
                    .isGreaterThanOrEqualTo(maxUserConnections + 20L);
        }
    }

    @Test
    void eachOverlaySizesTheDatabaseForItsMemoryAndSpreadsTheGaleraNodes() throws IOException {
        String script = Files.readString(Path.of("src/test/galera/galera.sh"));
        Matcher evs = Pattern.compile("EVS=\"([^\"]+)\"").matcher(script);
        assertThat(evs.find()).as("the EVS settings of the test cluster").isTrue();
        Map<String, String> tested = new HashMap<>();
        for (String option : evs.group(1).split(";")) {
            String[] kv = option.split("=", 2);
            tested.put(kv[0], kv[1]);
        }
        for (Path overlay : overlays()) {
            JsonNode mariadb = only(resources(overlay), "MariaDB").path("spec");
            long limit = bytes(
                    mariadb.path("resources").path("limits").path("memory").asText());
            long pool = bytes(myCnf(mariadb, "innodb_buffer_pool_size"));
            assertThat(pool)
                    .as("%s: the buffer pool leaves a third of the pod's memory for connections and Galera", overlay)
                    .isLessThanOrEqualTo(limit * 2 / 3);
            assertThat(myCnf(mariadb, "wsrep_mode")).isEqualTo("REQUIRED_PRIMARY_KEY");
            assertThat(mariadb.path("affinity").path("antiAffinityEnabled").asBoolean())
                    .as("%s: one Galera node per Kubernetes node", overlay)
                    .isTrue();
            Map<String, String> options =
                    YAML.convertValue(mariadb.path("galera").path("providerOptions"), Map.class);
            assertThat(options)
                    .as("%s: the failure detection tested in GaleraClusterIT", overlay)
                    .isEqualTo(tested);
            // the ServiceMonitor CRD may be missing: metrics are the opt-in component k8s/components/metrics
            assertThat(mariadb.path("metrics").path("enabled").asBoolean())
                    .as("%s: metrics", overlay)
                    .isFalse();
        }
        String component = Files.readString(K8S.resolve("components/metrics/kustomization.yaml"));
        assertThat(component).contains("ServiceMonitor").contains("enabled: true");
    }

    @Test
    void theAutoscalerOwnsThePodCountAndADrainTakesOnePodAtATime() throws IOException {
        for (Path overlay : overlays()) {
            List<JsonNode> resources = resources(overlay);
            assertThat(only(resources, "Deployment").path("spec").has("replicas"))
                    .as("%s: spec.replicas would reset the HPA's count on every apply", overlay)
                    .isFalse();
            JsonNode pdb = only(resources, "PodDisruptionBudget").path("spec");
            assertThat(pdb.has("minAvailable")).isFalse();
            assertThat(pdb.path("maxUnavailable").asInt()).isEqualTo(1);
        }
    }

    @Test
    void thePodMemoryLimitCoversTheMeasuredResidentSize() throws IOException {
        // BENCHMARK.md, "Sizing the pod": the peak resident size measured, and the heap it was measured with
        Matcher measured = Pattern.compile(
                        "peak resident size of a replica:\\s+(\\d+) MiB\\s+with\\s+a\\s+(\\d+) MiB\\s+heap")
                .matcher(Files.readString(Path.of("BENCHMARK.md")));
        assertThat(measured.find())
                .as("BENCHMARK.md states the measured resident size")
                .isTrue();
        long rss = Long.parseLong(measured.group(1)) * 1024 * 1024;
        long measuredHeap = Long.parseLong(measured.group(2)) * 1024 * 1024;
        for (Path overlay : overlays()) {
            List<JsonNode> resources = resources(overlay);
            JsonNode container = only(resources, "Deployment")
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0);
            long limit = bytes(
                    container.path("resources").path("limits").path("memory").asText());
            assertThat(limit)
                    .as("%s: a quarter above the measured resident size", overlay)
                    .isGreaterThanOrEqualTo(rss + rss / 4);
            int heapPercent = only(resources, "ConfigMap")
                    .path("data")
                    .path("JAVA_MAX_MEM_RATIO")
                    .asInt();
            assertThat(limit * heapPercent / 100)
                    .as("%s: no larger heap than the one measured", overlay)
                    .isLessThanOrEqualTo(measuredHeap);
            assertThat(container
                            .path("resources")
                            .path("requests")
                            .path("memory")
                            .asText())
                    .as("%s: requested as much as the limit (no overcommit)", overlay)
                    .isEqualTo(container
                            .path("resources")
                            .path("limits")
                            .path("memory")
                            .asText());
        }
    }

    private static String myCnf(JsonNode mariadb, String key) {
        Matcher value = Pattern.compile("(?m)^\\s*" + key + "\\s*=\\s*(\\S+)")
                .matcher(mariadb.path("myCnf").asText());
        assertThat(value.find()).as("myCnf sets %s", key).isTrue();
        return value.group(1);
    }

    /** "4Gi", "1Gi", "512Mi", "2G", "384M" as bytes. */
    private static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)([KMGT]?)(i?)").matcher(quantity);
        assertThat(m.matches()).as(quantity).isTrue();
        long n = Long.parseLong(m.group(1));
        int power = "KMGT".indexOf(m.group(2)) + 1;
        return n * (long) Math.pow(1024, power);
    }

    @Test
    void theImageRunsAsNonRootWithoutDevelopmentKeysOrTheEmbeddedDatabase() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        assertThat(dockerfile)
                .contains("USER 185")
                .contains("HEALTHCHECK")
                .contains("COPY --chown=185 ratings/")
                .doesNotContainPattern("COPY[^\\n]*fixtures")
                .contains("-Dcontainer");
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore"));
        assertThat(ignore).contains("*").noneMatch(line -> line.startsWith("!fixtures"));
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<embedded.db.scope>test</embedded.db.scope>");
    }
}
