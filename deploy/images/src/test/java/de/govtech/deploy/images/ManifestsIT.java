package de.govtech.deploy.images;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kubernetes manifests Quarkus generated for each service and the gateway (target/kubernetes/kubernetes.yml). */
class ManifestsIT {

    private static final Pattern SECRET_LOOKING = Pattern.compile("(?i).*(password|secret|token|key|credential).*");
    private static final Map<String, List<String>> SECRET_REFERENCES = Map.of(
            "membership-service", List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"),
            "learning-service", List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"),
            "solutions-service", List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"),
            "marketplace-service", List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                    "GOVTECH_MARKETPLACE_BROKERS_ENCRYPTION_KEY"),
            "gateway", List.of());

    private static PlatformBuild build;

    @BeforeAll
    static void generated() throws Exception {
        build = PlatformBuild.get();
    }

    @Test
    void everyManifestParsesWithNoUnknownFieldAndHoldsOnlyADeploymentAndAService() throws Exception {
        for (String module : PlatformBuild.MODULES) {
            Path manifest = build.manifest(module);
            assertTrue(Files.exists(manifest), manifest + " was not generated");
            List<String> kinds = StrictKubernetesModels.parse(manifest).stream().map(HasMetadata::getKind).sorted().toList();
            assertEquals(List.of("Deployment", "Service"), kinds, module + ": no Secret, no other object");
        }
    }

    @Test
    void everyDeploymentHasTwoReplicasProbesResourcesTheImageAndANonRootPod() throws Exception {
        for (String module : PlatformBuild.MODULES) {
            Deployment deployment = deployment(module);
            assertEquals(2, deployment.getSpec().getReplicas(), module);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertProbe(module, container.getLivenessProbe(), "/q/health/live");
            assertProbe(module, container.getReadinessProbe(), "/q/health/ready");
            assertProbe(module, container.getStartupProbe(), "/q/health/started");
            assertEquals(ImagesIT.httpPort(module), container.getPorts().get(0).getContainerPort(), module);
            assertNotNull(container.getResources().getRequests().get("cpu"), module);
            assertNotNull(container.getResources().getRequests().get("memory"), module);
            assertNotNull(container.getResources().getLimits().get("memory"), module);
            assertTrue(container.getImage().endsWith("/" + PlatformBuild.repository(module) + ":" + PlatformBuild.TAG),
                    module + ": " + container.getImage());
            var pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
            assertEquals(Boolean.TRUE, pod.getRunAsNonRoot(), module);
            assertEquals(185L, pod.getRunAsUser(), module);
            assertFalse(deployment.getSpec().getSelector().getMatchLabels().containsKey("app.kubernetes.io/version"),
                    module + ": a selector with the version could not be updated");
        }
    }

    @Test
    void configComesFromAConfigMapAndSecretsOnlyByReference() throws Exception {
        for (String module : PlatformBuild.MODULES) {
            Container container = deployment(module).getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(module + "-config", container.getEnvFrom().get(0).getConfigMapRef().getName(), module);
            assertTrue(container.getEnvFrom().stream().allMatch(source -> source.getSecretRef() == null), module);
            for (EnvVar env : container.getEnv()) {
                if (SECRET_LOOKING.matcher(env.getName()).matches()) {
                    assertNull(env.getValue(), module + ": " + env.getName() + " has a value in the manifest");
                }
            }
            for (String name : SECRET_REFERENCES.get(module)) {
                EnvVar env = container.getEnv().stream().filter(candidate -> candidate.getName().equals(name))
                        .findFirst().orElseThrow(() -> new AssertionError(module + ": no " + name));
                assertNull(env.getValue(), module + ": " + name);
                assertNotNull(env.getValueFrom().getSecretKeyRef(), module + ": " + name + " from a Secret");
            }
        }
    }

    private static void assertProbe(String module, Probe probe, String path) {
        assertNotNull(probe, module + ": no probe on " + path);
        assertEquals(path, probe.getHttpGet().getPath(), module);
    }

    private static Deployment deployment(String module) throws Exception {
        return StrictKubernetesModels.parse(build.manifest(module)).stream()
                .filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow();
    }
}
