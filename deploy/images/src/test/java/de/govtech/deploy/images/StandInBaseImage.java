package de.govtech.deploy.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A stand-in for the maintained OpenJDK 17 runtime image the services use in production, for machines that cannot
 * pull one (no network to container registries): built from scratch with Jib's Java API out of a jlink-ed JRE of the
 * local JDK, exactly the shared libraries it links against (from ldd), /etc/passwd with the user 185, /tmp, and a
 * PATH on which {@code java} is found — the same contract as {@code eclipse-temurin:17-jre}
 * (the services' entrypoint is a plain {@code java ... -jar quarkus-run.jar}). The user is left at root, as in the
 * real base image: the services' images must set a non-root user themselves.
 */
final class StandInBaseImage {

    static final String REPOSITORY = "govtech-test/jre";
    static final String TAG = "17";
    static final String JAVA_HOME = "/opt/java/openjdk";

    /** java.se covers what Quarkus and its libraries use (java.beans from java.desktop included). */
    private static final String MODULES = "java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.net,jdk.zipfs,"
            + "jdk.naming.dns,jdk.jfr";
    private static final Pattern LDD_LINE = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x");

    private StandInBaseImage() {
    }

    /** Builds the image and pushes it to the registry; answers its reference, e.g. 127.0.0.1:5000/govtech-test/jre:17. */
    static String push(LoopbackRegistry registry, Path workDir) throws Exception {
        Path jre = jlink(workDir.resolve("jre"));
        Path etc = etcFiles(workDir.resolve("etc"));

        FileEntriesLayer.Builder jreLayer = FileEntriesLayer.builder().setName("jre");
        // keep the JDK's modes: Jib's default (644 for files) would leave bin/java not executable
        jreLayer.addEntryRecursive(jre, AbsoluteUnixPath.get(JAVA_HOME), (source, destination) -> {
            try {
                return FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(source));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        FileEntriesLayer.Builder systemLayer = FileEntriesLayer.builder().setName("system");
        for (String library : sharedLibraries(jre)) {
            systemLayer.addEntry(Path.of(library).toRealPath(), AbsoluteUnixPath.get(library),
                    FilePermissions.fromOctalString("755"));
        }
        try (Stream<Path> files = Files.list(etc)) {
            for (Path file : files.toList()) {
                systemLayer.addEntry(file, AbsoluteUnixPath.get("/etc/" + file.getFileName()));
            }
        }
        Path emptyDir = Files.createDirectories(workDir.resolve("empty"));
        systemLayer.addEntry(emptyDir, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"), Instant.EPOCH);

        String reference = registry.address() + "/" + REPOSITORY + ":" + TAG;
        Jib.fromScratch()
                .addFileEntriesLayer(systemLayer.build())
                .addFileEntriesLayer(jreLayer.build())
                .setEnvironment(Map.of(
                        "PATH", JAVA_HOME + "/bin:/usr/local/bin:/usr/bin:/bin",
                        "JAVA_HOME", JAVA_HOME,
                        "LANG", "C.UTF-8"))
                .containerize(Containerizer.to(RegistryImage.named(reference)).setAllowInsecureRegistries(true));
        return reference;
    }

    private static Path jlink(Path output) throws IOException, InterruptedException {
        if (Files.isExecutable(output.resolve("bin/java"))) {
            return output;
        }
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        Files.createDirectories(output.getParent());
        exec(List.of(jlink.toString(), "--add-modules", MODULES, "--strip-debug", "--no-header-files",
                "--no-man-pages", "--compress=2", "--output", output.toString()));
        return output;
    }

    /** The absolute paths of the system libraries (outside the JRE) that the JRE's binaries link against. */
    static TreeSet<String> sharedLibraries(Path jre) throws IOException, InterruptedException {
        List<Path> binaries = new ArrayList<>();
        binaries.add(jre.resolve("bin/java"));
        try (Stream<Path> files = Files.walk(jre.resolve("lib"))) {
            files.filter(file -> file.getFileName().toString().endsWith(".so")).forEach(binaries::add);
        }
        TreeSet<String> libraries = new TreeSet<>();
        for (Path binary : binaries) {
            for (String line : exec(List.of("ldd", binary.toString())).split("\n")) {
                Matcher matcher = LDD_LINE.matcher(line);
                if (matcher.find() && !line.contains("not found") && !matcher.group(1).startsWith(jre.toString())) {
                    libraries.add(matcher.group(1));
                }
            }
        }
        return libraries;
    }

    private static Path etcFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("passwd"), """
                root:x:0:0:root:/root:/sbin/nologin
                jboss:x:185:0:Quarkus application user:/home/jboss:/sbin/nologin
                """);
        Files.writeString(dir.resolve("group"), """
                root:x:0:
                jboss:x:185:
                """);
        Files.writeString(dir.resolve("nsswitch.conf"), """
                passwd: files
                group: files
                hosts: files dns
                """);
        Files.writeString(dir.resolve("hosts"), """
                127.0.0.1 localhost
                ::1 localhost
                """);
        return dir;
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
