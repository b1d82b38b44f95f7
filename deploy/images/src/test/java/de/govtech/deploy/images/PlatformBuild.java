package de.govtech.deploy.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Once per test JVM: a loopback registry, the stand-in base image pushed to it, and the five images built by Quarkus'
 * container-image support (Jib) in one child Maven run and pushed there. The child Maven builds a copy of the
 * checkout under target/ (its committed tree, {@code git archive HEAD}, as a clean CI clone would; with
 * {@code -Dimages.source=worktree} the working tree as it is), so it never writes into the modules' own target/
 * directories. {@code -am} builds the platform libraries too: a clean clone has none of them in ~/.m2.
 */
final class PlatformBuild {

    static final List<String> MODULES = List.of("membership-service", "learning-service", "solutions-service",
            "marketplace-service", "gateway");
    static final String GROUP = "govtech";
    static final String TAG = "0.1.0-SNAPSHOT";

    private static final Set<String> NOT_COPIED = Set.of("target", ".git", ".stack-data", "node_modules", ".idea");
    private static PlatformBuild instance;
    private static Throwable failure;

    final LoopbackRegistry registry;
    final String baseImage;
    final Path source;
    final Path work;
    final Duration buildTime;

    private PlatformBuild(LoopbackRegistry registry, String baseImage, Path source, Path work, Duration buildTime) {
        this.registry = registry;
        this.baseImage = baseImage;
        this.source = source;
        this.work = work;
        this.buildTime = buildTime;
    }

    static synchronized PlatformBuild get() throws Exception {
        if (failure != null) {
            throw new IllegalStateException("The build failed before (see the first test's error)", failure);
        }
        if (instance == null) {
            try {
                instance = build();
            } catch (Exception | Error e) {
                failure = e;
                throw e;
            }
        }
        return instance;
    }

    /** The image name in the loopback registry, e.g. govtech/membership-service. */
    static String repository(String module) {
        return GROUP + "/" + module;
    }

    /** The module's generated Kubernetes manifest in the built copy. */
    Path manifest(String module) {
        return source.resolve(module).resolve("target/kubernetes/kubernetes.yml");
    }

    private static PlatformBuild build() throws Exception {
        Path checkout = checkout();
        Path work = Path.of("target", "images-it").toAbsolutePath();
        Files.createDirectories(work);
        LoopbackRegistry registry = LoopbackRegistry.start(work.resolve("registry"));
        Path source = work.resolve("source");
        if (Boolean.getBoolean("images.reuse") && Files.exists(source.resolve("gateway/target/kubernetes"))) {
            // iterate on the checks: the images of the last run are still in the registry's storage under target/
            System.out.println("deploy-images: reusing the images and manifests of the last build (-Dimages.reuse)");
            return new PlatformBuild(registry, null, source, work, Duration.ZERO);
        }
        String baseImage = StandInBaseImage.push(registry, work.resolve("stand-in"));
        copySource(checkout, source);

        List<String> command = new ArrayList<>(List.of(source.resolve("mvnw").toString(), "-B", "-ntp", "-o",
                "package", "-Dmaven.test.skip=true", "-pl", String.join(",", MODULES), "-am",
                "-Dquarkus.container-image.build=true",
                "-Dquarkus.container-image.push=true",
                "-Dquarkus.container-image.registry=" + registry.address(),
                "-Dquarkus.container-image.insecure=true",
                "-Dquarkus.jib.base-jvm-image=" + baseImage));
        Path log = work.resolve("maven-build.log");
        Instant started = Instant.now();
        Process maven = new ProcessBuilder(command).directory(source.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!maven.waitFor(45, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            throw new IllegalStateException("The image build took longer than 45 minutes; see " + log);
        }
        Duration took = Duration.between(started, Instant.now());
        if (maven.exitValue() != 0) {
            throw new IllegalStateException("The image build failed; see " + log + "\n" + tail(log, 40));
        }
        System.out.printf("deploy-images: five images built and pushed in %d s (%s)%n", took.toSeconds(), log);
        return new PlatformBuild(registry, baseImage, source, work, took);
    }

    private static Path checkout() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No mvnw above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static void copySource(Path checkout, Path target) throws IOException, InterruptedException {
        // written over the last run's copy, whose target/ directories stay: Maven then compiles only what changed
        Files.createDirectories(target);
        boolean worktree = "worktree".equals(System.getProperty("images.source", "head"));
        if (!worktree && Files.exists(checkout.resolve(".git"))) {
            Process archive = new ProcessBuilder("sh", "-c", "git archive HEAD | tar -x -C \"$0\"", target.toString())
                    .directory(checkout.toFile()).redirectErrorStream(true).start();
            String output = new String(archive.getInputStream().readAllBytes());
            if (archive.waitFor() != 0) {
                throw new IllegalStateException("git archive failed: " + output);
            }
            return;
        }
        try (Stream<Path> files = Files.walk(checkout)) {
            files.filter(file -> checkout.relativize(file).toString().isEmpty()
                            || checkout.relativize(file).getNameCount() == 0
                            || stream(checkout.relativize(file)).noneMatch(NOT_COPIED::contains))
                    .forEach(file -> {
                        Path copy = target.resolve(checkout.relativize(file).toString());
                        try {
                            if (Files.isDirectory(file)) {
                                Files.createDirectories(copy);
                            } else {
                                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES,
                                        StandardCopyOption.REPLACE_EXISTING);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
    }

    private static Stream<String> stream(Path relative) {
        List<String> names = new ArrayList<>();
        relative.forEach(name -> names.add(name.toString()));
        return names.stream();
    }

    private static String tail(Path log, int lines) throws IOException {
        List<String> all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
