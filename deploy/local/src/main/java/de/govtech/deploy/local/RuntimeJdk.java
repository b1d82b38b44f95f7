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
 * The JDK the launcher runs the applications on. The code is compiled for Java 17, but from JDK 25 on the JVM keeps
 * an ahead-of-time cache of the classes an application loaded and linked in a training run (JEP 483/514/515; see
 * {@link ClassDataArchive}), which takes a good part of a service's start off every later start (docs/PERFORMANCE.md,
 * "Service start and memory"). So: {@code GOVTECH_JAVA_HOME} when it names a JDK; else the newest JDK ≥ 25 under
 * {@code /usr/lib/jvm}; else the JDK the launcher itself runs on (with JDK 17's dynamic AppCDS archive, as before).
 */
record RuntimeJdk(Path home, Runtime.Version version) {

    /** From this feature release on the applications run on a JDK other than the launcher's, when one is found. */
    static final int PREFERRED_FEATURE = 25;
    static final String ENV = "GOVTECH_JAVA_HOME";
    static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");

    Path java() {
        return home.resolve("bin").resolve("java");
    }

    /** The JDK the launcher runs on. */
    static RuntimeJdk current() {
        return new RuntimeJdk(Path.of(System.getProperty("java.home")), Runtime.version());
    }

    /** The choice for this machine: {@code GOVTECH_JAVA_HOME}, else the newest JDK ≥ 25 in /usr/lib/jvm, else this one. */
    static RuntimeJdk choose() {
        return choose(System.getenv(), SYSTEM_JVMS, current());
    }

    static RuntimeJdk choose(Map<String, String> env, Path jvmsDir, RuntimeJdk fallback) {
        String explicit = env.get(ENV);
        if (explicit != null && !explicit.isBlank()) {
            return of(Path.of(explicit)).orElseThrow(() -> new StackException(ENV + "=" + explicit
                    + " is not a JDK (no bin/java, or no release file naming its JAVA_VERSION)"));
        }
        try (Stream<Path> dirs = Files.list(jvmsDir)) {
            return dirs.map(RuntimeJdk::of).flatMap(Optional::stream)
                    .filter(jdk -> jdk.version().feature() >= PREFERRED_FEATURE)
                    .max(Comparator.comparing(RuntimeJdk::version).thenComparing(jdk -> jdk.home().toString()))
                    .orElse(fallback);
        } catch (IOException e) {
            return fallback;
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
