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
                all.add(read(target));
            }
        }
        return all;
    }

    private static JsonNode only(List<JsonNode> resources, String kind) {
        List<JsonNode> found = resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
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
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(podLabels).containsAllEntriesOf(
                YAML.convertValue(deployment.path("spec").path("selector").path("matchLabels"), Map.class));

        JsonNode container = pod.path("spec").path("containers").get(0);
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
        assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(container.path("resources").path("limits").path("memory").asText()).isNotEmpty();
        assertThat(container.path("resources").path("requests").path("cpu").asText()).isNotEmpty();
        assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();

        for (String kind : List.of("Service", "PodDisruptionBudget")) {
            JsonNode selector = only(base, kind).path("spec").path("selector");
            Map<String, String> labels = YAML.convertValue(selector.has("matchLabels") ? selector.path("matchLabels")
                    : selector, Map.class);
            assertThat(podLabels).as(kind + " selects the pods").containsAllEntriesOf(labels);
        }
        assertThat(podLabels).as("the network policy selects the pods").containsAllEntriesOf(YAML.convertValue(
                only(base, "NetworkPolicy").path("spec").path("podSelector").path("matchLabels"), Map.class));
        JsonNode hpa = only(base, "HorizontalPodAutoscaler").path("spec");
        assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo(deployment.path("metadata").path("name")
                .asText());
        assertThat(hpa.path("minReplicas").asInt()).isEqualTo(3);
        assertThat(only(base, "PodDisruptionBudget").path("spec").path("minAvailable").asInt())
                .isLessThan(hpa.path("minReplicas").asInt());
        assertThat(only(base, "Service").path("spec").path("ports").get(0).path("targetPort").asText())
                .isEqualTo(container.path("ports").get(0).path("name").asText());
    }

    @Test
    void theConfigurationPointsAtTheGaleraPrimaryAndTheGracePeriodCoversTheShutdown() throws IOException {
        List<JsonNode> production = resources(K8S.resolve("overlays/production"));
        JsonNode config = only(production, "ConfigMap").path("data");
        JsonNode mariadb = only(production, "MariaDB").path("spec");
        assertThat(mariadb.path("replicas").asInt()).isEqualTo(3);
        assertThat(mariadb.path("galera").path("enabled").asBoolean()).isTrue();
        String dbName = only(production, "MariaDB").path("metadata").path("name").asText();
        assertThat(config.path("QUARKUS_DATASOURCE_JDBC_URL").asText())
                .isEqualTo("jdbc:mariadb://" + dbName + "-primary:3306/" + mariadb.path("database").asText());
        JsonNode deployment = only(production, "Deployment");
        List<String> secretsUsed = new ArrayList<>();
        deployment.findValues("secretKeyRef").forEach(ref -> secretsUsed.add(ref.path("name").asText()));
        deployment.findValues("secret").forEach(ref -> secretsUsed.add(ref.path("secretName").asText()));
        mariadb.findValues("passwordSecretKeyRef").forEach(ref -> secretsUsed.add(ref.path("name").asText()));
        mariadb.findValues("rootPasswordSecretKeyRef").forEach(ref -> secretsUsed.add(ref.path("name").asText()));
        String howTo = Files.readString(K8S.resolve("README.md"));
        for (String secret : secretsUsed) {
            assertThat(howTo).as("k8s/README.md says how to create Secret " + secret)
                    .contains("create secret generic " + secret + " ");
        }
        assertThat(mariadb.path("passwordSecretKeyRef").path("name").asText()).isEqualTo("dceff-db");

        Duration delay = duration(config.path("DCEFF_SHUTDOWN_DELAY").asText());
        Duration timeout = duration(config.path("DCEFF_SHUTDOWN_TIMEOUT").asText());
        long grace = deployment.path("spec").path("template").path("spec").path("terminationGracePeriodSeconds").asLong();
        assertThat(Duration.ofSeconds(grace)).isGreaterThan(delay.plus(timeout));
        String jwt = config.path("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText();
        assertThat(deployment.findValues("mountPath").stream().map(JsonNode::asText))
                .anyMatch(mount -> jwt.startsWith(mount + "/"));
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
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(Files.readString(
                Path.of("src/main/resources/application.properties")));
        while (placeholder.find()) {
            known.put(placeholder.group(1), "application.properties");
        }
        JsonNode data = read(K8S.resolve("base/configmap.yaml")).path("data");
        data.fieldNames().forEachRemaining(key -> {
            boolean quarkusOrMp = key.startsWith("QUARKUS_") || key.startsWith("MP_JWT_") || key.startsWith("JAVA_");
            String camel = camelOfLastWord(key);
            boolean dceff = key.startsWith("DCEFF_") && config.contains(camel + "()");
            assertThat(quarkusOrMp || dceff || known.containsKey(key)).as("%s is a setting the service reads", key)
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
                for (JsonNode patch : read(overlay.resolve("kustomization.yaml")).path("patches")) {
                    String kind = patch.path("target").path("kind").asText();
                    String name = patch.path("target").path("name").asText();
                    assertThat(resources).as("%s patches %s %s", overlay, kind, name).anyMatch(r ->
                            kind.equals(r.path("kind").asText()) && name.equals(r.path("metadata").path("name").asText()));
                }
            }
        }
    }

    @Test
    void theImageRunsAsNonRootWithoutDevelopmentKeysOrTheEmbeddedDatabase() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        assertThat(dockerfile).contains("USER 185").contains("HEALTHCHECK").contains("COPY --chown=185 ratings/")
                .doesNotContainPattern("COPY[^\\n]*fixtures").contains("-Dcontainer");
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore"));
        assertThat(ignore).contains("*").noneMatch(line -> line.startsWith("!fixtures"));
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<embedded.db.scope>test</embedded.db.scope>");
    }
}
