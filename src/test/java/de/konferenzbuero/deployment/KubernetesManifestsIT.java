package de.konferenzbuero.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Kubernetes manifests {@code ./mvnw package} writes (no cluster exists here, so their content is checked): two or
 * more instances, probes on the real health paths and port, resources, settings from the ConfigMap and passwords from
 * the Secret, no secret value in a ConfigMap, and a PodDisruptionBudget that selects the app's pods.
 */
class KubernetesManifestsIT {

    static List<JsonNode> resources;

    @BeforeAll
    static void read() throws IOException {
        Path manifests = Path.of("target", "kubernetes", "kubernetes.yml");
        assertThat(manifests).as("written by ./mvnw package").exists();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        resources = new ArrayList<>();
        try (var documents = yaml.readerFor(JsonNode.class).readValues(Files.readString(manifests))) {
            while (documents.hasNext()) {
                JsonNode document = (JsonNode) documents.next();
                if (document != null && !document.isNull()) {
                    resources.add(document);
                }
            }
        }
    }

    @Test
    void theDeploymentRunsSeveralInstancesWithProbesOnTheManagementPort() {
        JsonNode deployment = one("Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).as("replicas").isGreaterThanOrEqualTo(2);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        int port = containerPort(container, "management");
        assertThat(port).as("health and metrics on a port of their own").isNotEqualTo(containerPort(container, "http"));
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            JsonNode probePort = container.at("/" + probe + "/httpGet/port");
            assertThat(probePort.isInt() ? probePort.asInt() == port : probePort.asText().equals("management"))
                    .as("%s on the management port %d (is %s)", probe, port, probePort).isTrue();
        }
        List<String> servicePorts = StreamSupport.stream(one("Service").at("/spec/ports").spliterator(), false)
                .map(p -> p.path("name").asText()).toList();
        assertThat(servicePorts).as("the Service the load balancer uses").contains("http").doesNotContain("management");
        assertThat(container.at("/resources/requests/cpu").asText()).isNotBlank();
        assertThat(container.at("/resources/requests/memory").asText()).isNotBlank();
        assertThat(container.at("/resources/limits/memory").asText()).isNotBlank();

        List<String> from = StreamSupport.stream(container.path("envFrom").spliterator(), false)
                .map(e -> e.has("configMapRef") ? "configMap:" + e.at("/configMapRef/name").asText()
                        : "secret:" + e.at("/secretRef/name").asText())
                .toList();
        assertThat(from).contains("configMap:konferenzbuero-config", "secret:konferenzbuero-secrets");
    }

    private static int containerPort(JsonNode container, String name) {
        return StreamSupport.stream(container.get("ports").spliterator(), false)
                .filter(p -> p.path("name").asText().equals(name)).findFirst().orElseThrow().path("containerPort")
                .asInt();
    }

    @Test
    void noConfigMapHoldsASecretAndEveryRequiredSettingIsInOne() {
        JsonNode config = resources.stream().filter(r -> r.path("kind").asText().equals("ConfigMap"))
                .filter(r -> r.at("/metadata/name").asText().equals("konferenzbuero-config")).findFirst().orElseThrow();
        List<String> keys = new ArrayList<>();
        config.path("data").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("QUARKUS_DATASOURCE_JDBC_URL", "KONFERENZBUERO_BASE_URL",
                "KONFERENZBUERO_LEGAL_OPERATOR_NAME", "QUARKUS_MAILER_HOST");
        for (JsonNode map : resources.stream().filter(r -> r.path("kind").asText().equals("ConfigMap")).toList()) {
            map.path("data").fields()
                    .forEachRemaining((Map.Entry<String, JsonNode> e) -> assertThat(e.getKey().toUpperCase(Locale.ROOT))
                            .as("a secret in ConfigMap %s", map.at("/metadata/name").asText())
                            .doesNotContain("PASSWORD", "SECRET", "TOKEN", "KEY"));
        }
        assertThat(resources).noneMatch(r -> r.path("kind").asText().equals("Secret"));
    }

    @Test
    void aDisruptionBudgetKeepsOneInstanceServing() {
        JsonNode budget = one("PodDisruptionBudget");
        assertThat(budget.at("/spec/minAvailable").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode podLabels = one("Deployment").at("/spec/template/metadata/labels");
        budget.at("/spec/selector/matchLabels").fields()
                .forEachRemaining(label -> assertThat(podLabels.path(label.getKey()).asText())
                        .as("pod label %s", label.getKey()).isEqualTo(label.getValue().asText()));
        assertThat(one("Service").at("/spec/selector/app.kubernetes.io~1name").asText()).isEqualTo("konferenzbuero");
    }

    private static JsonNode one(String kind) {
        List<JsonNode> found = resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
        assertThat(found).as("%s resources", kind).hasSize(1);
        return found.get(0);
    }
}
