package de.govtech.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The JDK the launcher runs the applications on: {@code GOVTECH_JAVA_HOME} when set, else the JDK the launcher itself
 * runs on (with JDK 17's dynamic AppCDS archive). The code is compiled for Java 17; from JDK 25 on the JVM keeps an
 * ahead-of-time cache of the classes an application loaded and linked in a training run (JEP 483/514/515; see
 * {@link ClassDataArchive}), which takes a fifth to a quarter of a service's start CPU off every later start
 * (docs/PERFORMANCE.md, "Service start and memory"). It is a choice, not the default: the training run's first stop
 * takes up to minutes on a busy machine, and the tests run on the build's JDK.
 */
record RuntimeJdk(Path home, Runtime.Version version) {

    /** From this feature release on the JVM keeps an AOT cache. */
    static final int AOT_CACHE_FEATURE = 25;
    static final String ENV = "GOVTECH_JAVA_HOME";
    static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");

    Path java() {
        return home.resolve("bin").resolve("java");
    }

    /** The JDK the launcher runs on. */
    static RuntimeJdk current() {
        return new RuntimeJdk(Path.of(System.getProperty("java.home")), Runtime.version());
    }

    /** {@code GOVTECH_JAVA_HOME}, else the launcher's own JDK. */
    static RuntimeJdk choose() {
        return choose(System.getenv(), current());
    }

    static RuntimeJdk choose(Map<String, String> env, RuntimeJdk fallback) {
        String explicit = env.get(ENV);
        if (explicit == null || explicit.isBlank()) {
            return fallback;
        }
        return of(Path.of(explicit)).orElseThrow(() -> new StackException(ENV + "=" + explicit
                + " is not a JDK (no bin/java, or no release file naming its JAVA_VERSION)"));
    }

    /** The newest JDK ≥ 25 installed under /usr/lib/jvm, if any: what {@code GOVTECH_JAVA_HOME} may name. */
    static Optional<RuntimeJdk> newestWithAotCache() {
        return newestWithAotCache(SYSTEM_JVMS);
    }

    static Optional<RuntimeJdk> newestWithAotCache(Path jvmsDir) {
        try (Stream<Path> dirs = Files.list(jvmsDir)) {
            return dirs.map(RuntimeJdk::of).flatMap(Optional::stream)
                    .filter(jdk -> jdk.version().feature() >= AOT_CACHE_FEATURE)
                    .max(Comparator.comparing(RuntimeJdk::version).thenComparing(jdk -> jdk.home().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A JDK home: {@code bin/java} executable and a {@code release} file with {@code JAVA_VERSION="…"}. */
    static Optional<RuntimeJdk> of(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String value = properties.getProperty("JAVA_VERSION", "").replace("\"", "").trim();
        try {
            return Optional.of(new RuntimeJdk(home.toAbsolutePath().normalize(), Runtime.Version.parse(value)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
