package de.govtech.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Class data kept per application build and per JDK, written by the first run and used by every later one.
 * <ul>
 * <li>JDK 25 and later: an <b>AOT cache</b> (JEP 483/514/515). The first run of a freshly built application is the
 * training run ({@code -XX:AOTCacheOutput}): when it exits the JVM assembles the classes it loaded and linked, with
 * their method profiles, into the cache; later runs start from it ({@code -XX:AOTCache}). The training run's output
 * goes to a {@code .part} file that becomes the cache only when the application stopped within its grace period
 * ({@link #completed}): the assembly takes tens of seconds on a busy machine, and a run killed during it leaves a
 * partial file, which is removed and trained again.</li>
 * <li>JDK 13 to 24: a dynamic AppCDS archive: the first run writes the classes it loaded when it exits
 * ({@code -XX:ArchiveClassesAtExit}); later runs map them ({@code -XX:SharedArchiveFile}). Written to a {@code .part}
 * file as well: writing an application's archive takes seconds to tens of seconds of a busy machine, and a JVM killed
 * meanwhile leaves a partial file, which, under the archive's name, every later run would be given and could not map
 * — that build would never get its archive.</li>
 * </ul>
 * The file's name carries the size and time of the application's {@code quarkus-run.jar} and the version of the JDK
 * it runs on, so a rebuild or another JDK makes a new one. A missing, partial or foreign file costs nothing but the
 * gain: the JVM then starts without it.
 */
final class ClassDataArchive {

    private static final String QUIET = "-Xlog:cds=off";
    /** The AOT cache's training run lists every class it skips, one warning line each, into the application's log. */
    private static final String AOT_QUIET = "-Xlog:aot=off,cds=off";
    /** From this feature release on an AOT cache instead of a dynamic AppCDS archive. */
    static final int AOT_CACHE_FEATURE = 25;
    static final String PART = ".part";
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

    /** The options for a run on the launcher's own JDK (see {@link #jvmOptions(String, Path, Runtime.Version)}). */
    List<String> jvmOptions(String name, Path runJar) {
        return jvmOptions(name, runJar, Runtime.version());
    }

    /**
     * The JVM options for a run of {@code runJar} as application {@code name} on a JDK of version {@code runtime}:
     * use the cache or archive, or write it at exit.
     */
    List<String> jvmOptions(String name, Path runJar, Runtime.Version runtime) {
        Path archive;
        try {
            archive = archiveFor(name, runJar, runtime);
            Files.createDirectories(directory);
        } catch (IOException e) {
            return List.of(); // no archive, no harm
        }
        boolean aot = usesAotCache(runtime);
        if (Files.isRegularFile(archive)) {
            if (aot) {
                return List.of("-XX:AOTCache=" + archive, AOT_QUIET);
            }
            List<String> options = new ArrayList<>(canMapAtArchivedAddress(runtime) ? MAP_AT_ARCHIVED_ADDRESS : List.of());
            options.addAll(List.of("-XX:SharedArchiveFile=" + archive, QUIET));
            return options;
        }
        removeOlderArchives(name, archive);
        Path part = partOf(archive);
        try {
            // a run cut off while its JVM wrote the archive or assembled the cache: the partial file, and the JVM's
            // temporary training configuration (AOT cache)
            Files.deleteIfExists(part);
            Files.deleteIfExists(part.resolveSibling(part.getFileName() + ".config"));
        } catch (IOException e) {
            return List.of();
        }
        if (aot) {
            return List.of("-XX:AOTCacheOutput=" + part, AOT_QUIET);
        }
        return List.of("-XX:ArchiveClassesAtExit=" + part, QUIET);
    }

    /** Whether a run with these options writes an archive or cache when it exits (its stop takes longer). */
    static boolean writesAtExit(List<String> options) {
        return options.stream().anyMatch(o -> o.startsWith("-XX:AOTCacheOutput=") || o.startsWith("-XX:ArchiveClassesAtExit="));
    }

    /**
     * After a run that stopped by itself (within the grace period, not killed): the archive or cache it wrote at exit
     * is complete and becomes the one later runs use. Returns whether one was completed.
     */
    boolean completed(String name, Path runJar, Runtime.Version runtime) {
        try {
            Path archive = archiveFor(name, runJar, runtime);
            Path part = partOf(archive);
            if (!Files.isRegularFile(part) || Files.size(part) == 0) {
                return false;
            }
            Files.move(part, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean usesAotCache(Runtime.Version v) {
        return v.feature() >= AOT_CACHE_FEATURE;
    }

    private static Path partOf(Path archive) {
        return archive.resolveSibling(archive.getFileName() + PART);
    }

    /** ArchiveRelocationMode came with JDK 14; checked on 17 and 21. */
    static boolean canMapAtArchivedAddress(Runtime.Version v) {
        return v.feature() >= 14 && v.feature() <= 21;
    }

    /**
     * Archives and caches of earlier builds of the application are of no use any more; those of the same build for
     * another JDK are kept (switching JDKs back and forth does not retrain).
     */
    private void removeOlderArchives(String name, Path current) {
        Pattern sameApplication = Pattern.compile(Pattern.quote(name)
                + "-([0-9a-f]+-[0-9a-f]+)-[A-Za-z0-9._]+?\\.(jsa|aot)(\\.part)?(\\.config)?");
        Matcher currentName = sameApplication.matcher(current.getFileName().toString());
        if (!currentName.matches()) {
            return;
        }
        String currentBuild = currentName.group(1);
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> !f.equals(current))
                    .filter(f -> {
                        Matcher other = sameApplication.matcher(f.getFileName().toString());
                        return other.matches() && !other.group(1).equals(currentBuild);
                    })
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
        return archiveFor(name, runJar, Runtime.version());
    }

    Path archiveFor(String name, Path runJar, Runtime.Version runtime) throws IOException {
        String key = Long.toHexString(Files.size(runJar)) + "-"
                + Long.toHexString(Files.getLastModifiedTime(runJar).toMillis()) + "-"
                + runtime.toString().replaceAll("[^A-Za-z0-9.]", "_");
        return directory.resolve(name + "-" + key + (usesAotCache(runtime) ? ".aot" : ".jsa"));
    }
}
