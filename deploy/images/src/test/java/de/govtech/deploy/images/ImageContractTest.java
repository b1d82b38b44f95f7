package de.govtech.deploy.images;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageContractTest {

    static final List<String> ENTRYPOINT = List.of("java", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
            "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-jar", "quarkus-run.jar");
    static final List<String> LAYERS = List.of("home/jboss/lib/", "home/jboss/lib/boot/", "home/jboss/lib/main/",
            "home/jboss/app/", "home/jboss/quarkus/", "home/jboss/quarkus-run.jar");

    @Test
    void aQuarkusImageAsJibBuildsItKeepsTheContract() {
        assertEquals(List.of(), ImageContract.problems("185", ENTRYPOINT, List.of("8081/tcp"), "/home/jboss", LAYERS, 8081));
    }

    @Test
    void rootOrNoUserIsRefused() {
        assertTrue(ImageContract.problems("0", ENTRYPOINT, List.of("8081/tcp"), "/home/jboss", LAYERS, 8081)
                .get(0).startsWith("user must be"));
        assertTrue(ImageContract.problems("root", ENTRYPOINT, List.of("8081/tcp"), "/home/jboss", LAYERS, 8081)
                .get(0).startsWith("user must be"));
        assertTrue(ImageContract.problems("", ENTRYPOINT, List.of("8081/tcp"), "/home/jboss", LAYERS, 8081)
                .get(0).startsWith("user must be"));
    }

    @Test
    void aMissingOrOtherPortIsRefused() {
        assertEquals(List.of("port 8081/tcp must be exposed, exposed are []"),
                ImageContract.problems("185", ENTRYPOINT, List.of(), "/home/jboss", LAYERS, 8081));
        assertEquals(1, ImageContract.problems("185", ENTRYPOINT, List.of("8080/tcp"), "/home/jboss", LAYERS, 8081).size());
    }

    @Test
    void anotherEntrypointMissingFlagsOrAMissingFastJarPartIsRefused() {
        assertEquals(1, ImageContract.problems("185", List.of("/opt/jboss/container/java/run/run-java.sh"),
                List.of("8081/tcp"), "/home/jboss", LAYERS, 8081).stream()
                .filter(problem -> problem.startsWith("entrypoint must be")).count());
        List<String> noFlags = List.of("java", "-jar", "quarkus-run.jar");
        assertEquals(2, ImageContract.problems("185", noFlags, List.of("8081/tcp"), "/home/jboss", LAYERS, 8081).size());
        List<String> noApp = new ArrayList<>(LAYERS);
        noApp.remove("home/jboss/app/");
        assertEquals(List.of("no layer holds home/jboss/app/"),
                ImageContract.problems("185", ENTRYPOINT, List.of("8081/tcp"), "/home/jboss", noApp, 8081));
        assertEquals(1, ImageContract.problems("185", ENTRYPOINT, List.of("8081/tcp"), "/deployments", LAYERS, 8081).size());
    }
}
