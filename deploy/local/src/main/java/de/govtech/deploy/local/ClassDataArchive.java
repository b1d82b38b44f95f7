package de.govtech.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A dynamic AppCDS archive per application build (JDK 13+): the first run of a freshly built application writes the
 * classes it loaded into an archive when it exits ({@code -XX:ArchiveClassesAtExit}); later runs map them instead of
 * loading and verifying them again ({@code -XX:SharedArchiveFile}), which shortens the start. The archive's name
 * carries the size and time of the application's {@code quarkus-run.jar} and the Java version, so a rebuild or
 * another JDK makes a new one. A missing, partial or foreign archive costs nothing but the gain: the JVM then starts
 * without it ({@code -Xshare:auto}, the default).
 */
final class ClassDataArchive {

    private static final String QUIET = "-Xlog:cds=off";
    /**
     * Map the archive at the address it was written for instead of a random one (JDK 17.0.15's default, mode 1):
     * a relocated archive has every pointer in it patched at start, which writes to all its pages. Measured on
     * membership-service's archive (82 MB, docs/PERFORMANCE.md; a busy machine): mapping took 23 ms instead of
     * 174 ms, and of the ~88 MiB of archive pages resident after the start 35 MiB were private and written instead
     * of 72 MiB, the rest clean pages of the file (shared through the page cache, dropped under memory pressure). Diagnostic option on
     * JDK 17 to 21, hence the unlock (only asked of those: an unknown option stops the JVM); the JVM falls back to
     * relocating when that address is taken.
     */
    static final List<String> MAP_AT_ARCHIVED_ADDRESS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");

    private final Path directory;

    /** {@code directory}: where the archives live (outside the data dir, so a wipe keeps them). */
    ClassDataArchive(Path directory) {
        this.directory = directory;
    }

    /** The JVM options for a run of {@code runJar} as application {@code name}: use the archive, or write it at exit. */
    List<String> jvmOptions(String name, Path runJar) {
        Path archive;
        try {
            archive = archiveFor(name, runJar);
            Files.createDirectories(directory);
        } catch (IOException e) {
            return List.of(); // no archive, no harm
        }
        // the dump lists every class it skips, one warning line each, into the application's log
        if (Files.isRegularFile(archive)) {
            List<String> options = new ArrayList<>(canMapAtArchivedAddress(Runtime.version()) ? MAP_AT_ARCHIVED_ADDRESS : List.of());
            options.addAll(List.of("-XX:SharedArchiveFile=" + archive, QUIET));
            return options;
        }
        removeOlderArchives(name, archive);
        return List.of("-XX:ArchiveClassesAtExit=" + archive, QUIET);
    }

    /** ArchiveRelocationMode came with JDK 14; checked on 17 and 21. */
    static boolean canMapAtArchivedAddress(Runtime.Version v) {
        return v.feature() >= 14 && v.feature() <= 21;
    }

    /** Archives of earlier builds of the application are of no use any more. */
    private void removeOlderArchives(String name, Path current) {
        try (Stream<Path> files = Files.list(directory)) {
            Pattern sameApplication = Pattern.compile(Pattern.quote(name) + "-[0-9a-f]+-[0-9a-f]+-[A-Za-z0-9._]+\\.jsa");
            files.filter(f -> !f.equals(current))
                    .filter(f -> sameApplication.matcher(f.getFileName().toString()).matches())
                    .forEach(f -> {
                        try {
                            Files.deleteIfExists(f);
                        } catch (IOException e) {
                            // left for the next time
                        }
                    });
        } catch (IOException e) {
            // left for the next time
        }
    }

    Path archiveFor(String name, Path runJar) throws IOException {
        String key = Long.toHexString(Files.size(runJar)) + "-"
                + Long.toHexString(Files.getLastModifiedTime(runJar).toMillis()) + "-"
                + Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_");
        return directory.resolve(name + "-" + key + ".jsa");
    }
}
