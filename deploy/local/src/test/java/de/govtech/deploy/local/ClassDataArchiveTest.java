package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ClassDataArchiveTest {

    @TempDir
    Path dir;

    @Test
    void theFirstRunWritesTheArchiveAndLaterRunsUseIt() throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        ClassDataArchive archives = new ClassDataArchive(dir.resolve("appcds"));
        Path archive = archives.archiveFor("membership-service", jar);

        Path part = archive.resolveSibling(archive.getFileName() + ".part");
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + part, "-Xlog:cds=off"), archives.jvmOptions("membership-service", jar));
        assertTrue(archive.startsWith(dir.resolve("appcds")), archive.toString());

        Files.writeString(part, "written by the JVM at exit");
        assertTrue(archives.completed("membership-service", jar, Runtime.version()), "a clean stop completes the archive");
        assertFalse(Files.exists(part));
        List<String> mapping = archives.jvmOptions("membership-service", jar);
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off"), mapping.subList(mapping.size() - 2, mapping.size()));
    }

    @Test
    void theArchiveIsMappedWhereItWasWrittenOnlyOnJdksThatHaveTheOption() {
        assertTrue(ClassDataArchive.canMapAtArchivedAddress(Runtime.Version.parse("17.0.15")));
        assertTrue(ClassDataArchive.canMapAtArchivedAddress(Runtime.Version.parse("21.0.5")));
        assertFalse(ClassDataArchive.canMapAtArchivedAddress(Runtime.Version.parse("11.0.20")));
        assertFalse(ClassDataArchive.canMapAtArchivedAddress(Runtime.Version.parse("22")));
    }

    /**
     * This JDK, given the launcher's options for an existing archive, maps it at the address it was written for:
     * no relocation, which would write to every page of it (JDK 17.0.15 relocates by default).
     */
    @Test
    void thisJdkMapsAnArchiveWithoutRelocatingIt() throws Exception {
        assumeTrue(ClassDataArchive.canMapAtArchivedAddress(Runtime.version()));
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        ClassDataArchive archives = new ClassDataArchive(dir.resolve("appcds"));
        Path archive = archives.archiveFor("tiny", jar);
        String dump = java(archives.jvmOptions("tiny", jar));
        assertTrue(archives.completed("tiny", jar, Runtime.version()), "the first run wrote the archive: " + dump);
        assertTrue(Files.isRegularFile(archive));

        List<String> options = archives.jvmOptions("tiny", jar);
        assertTrue(options.containsAll(ClassDataArchive.MAP_AT_ARCHIVED_ADDRESS), options.toString());
        String mapped = java(options);

        assertTrue(mapped.contains("Mapped dynamic region"), mapped);
        assertFalse(mapped.contains("alternative address"), mapped);
    }

    /** {@code java <options> -Xlog:cds -version}, its output. */
    private static String java(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-Xshare:auto", "-Xlog:cds=info", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(60, TimeUnit.SECONDS), "java -version did not end");
        assertEquals(0, java.exitValue(), out);
        return out;
    }

    /**
     * JDK 17 writes its archive when the application exits (seconds to tens of seconds on a busy machine): a run killed
     * meanwhile leaves a partial file, which is never mapped but written again by the next run.
     */
    @Test
    void anArchiveCutOffWhileWrittenIsWrittenAgainByTheNextRun() throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        ClassDataArchive archives = new ClassDataArchive(dir.resolve("appcds"));
        List<String> writing = archives.jvmOptions("membership-service", jar, JDK_17);
        Path archive = archives.archiveFor("membership-service", jar, JDK_17);
        Path writtenByTheJvm = Path.of(writing.get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.writeString(writtenByTheJvm, "half of an archive: the launcher killed the JVM after its grace period");

        assertEquals(writing, archives.jvmOptions("membership-service", jar, JDK_17), "written again, not mapped");
        assertFalse(Files.exists(writtenByTheJvm), "the partial file is removed before the next run writes it");
        assertFalse(Files.exists(archive));
        assertTrue(ClassDataArchive.writesAtExit(writing), writing.toString());
        assertFalse(ClassDataArchive.writesAtExit(List.of("-XX:SharedArchiveFile=" + archive)));
    }

    @Test
    void aRebuiltApplicationGetsANewArchiveAndTheOldOneGoes() throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        ClassDataArchive archives = new ClassDataArchive(dir.resolve("appcds"));
        archives.jvmOptions("gateway", jar);
        Path old = archives.archiveFor("gateway", jar);
        Files.writeString(old, "archive of the old build");
        Path otherApp = Files.writeString(dir.resolve("appcds/gateway-service-1-2-17.jsa"), "another application's");

        Files.writeString(jar, "rebuilt jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        Path rebuilt = archives.archiveFor("gateway", jar);

        assertNotEquals(old, rebuilt);
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + rebuilt + ".part", "-Xlog:cds=off"), archives.jvmOptions("gateway", jar));
        assertFalse(Files.exists(old), "the old build's archive is removed");
        assertTrue(Files.exists(otherApp), "a name that only starts alike is another application's, not removed");
    }

    @Test
    void withoutTheApplicationJarThereIsNoArchiveOption() {
        ClassDataArchive archives = new ClassDataArchive(dir.resolve("appcds"));

        assertEquals(List.of(), archives.jvmOptions("gateway", dir.resolve("missing.jar")));
    }

    private static final Runtime.Version JDK_25 = Runtime.Version.parse("25.0.3+9-LTS");
    private static final Runtime.Version JDK_17 = Runtime.Version.parse("17.0.15+6");

    @Test
    void fromJdk25OnTheFirstRunTrainsAnAotCacheThatBecomesTheCacheOnlyAfterACleanStop() throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        ClassDataArchive caches = new ClassDataArchive(dir.resolve("appcds"));
        Path cache = caches.archiveFor("membership-service", jar, JDK_25);
        Path part = cache.resolveSibling(cache.getFileName() + ".part");

        assertTrue(cache.getFileName().toString().endsWith(".aot"), cache.toString());
        assertEquals(List.of("-XX:AOTCacheOutput=" + part, "-Xlog:aot=off,cds=off"),
                caches.jvmOptions("membership-service", jar, JDK_25));

        Files.writeString(part, "assembled by the JVM at exit");
        assertTrue(caches.completed("membership-service", jar, JDK_25));

        assertFalse(Files.exists(part));
        assertEquals(List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off,cds=off"), caches.jvmOptions("membership-service", jar, JDK_25));
    }

    /** A training run killed while the JVM assembled its cache leaves a partial file: never used, trained again. */
    @Test
    void aTrainingRunCutOffDuringTheAssemblyIsTrainedAgain() throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        ClassDataArchive caches = new ClassDataArchive(dir.resolve("appcds"));
        List<String> training = caches.jvmOptions("gateway", jar, JDK_25);
        Path cache = caches.archiveFor("gateway", jar, JDK_25);
        Path part = cache.resolveSibling(cache.getFileName() + ".part");
        Files.writeString(part, "half of a cache: the launcher killed the JVM after its grace period");
        Path config = part.resolveSibling(part.getFileName() + ".config");
        Files.writeString(config, "the JVM's temporary training configuration, ~150 MB");

        assertEquals(training, caches.jvmOptions("gateway", jar, JDK_25));
        assertFalse(Files.exists(part), "the partial file is removed before the next training run");
        assertFalse(Files.exists(config), "and the JVM's temporary configuration with it");
        assertFalse(Files.exists(cache));
        assertFalse(caches.completed("gateway", jar, JDK_25), "nothing written, nothing completed");
    }

    @Test
    void aRebuildRemovesTheOldBuildsCachesAndLeftoversOfItsTraining() throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        ClassDataArchive caches = new ClassDataArchive(dir.resolve("appcds"));
        caches.jvmOptions("membership-service", jar, JDK_25);
        Path old = caches.archiveFor("membership-service", jar, JDK_25);
        Path oldPart = Files.writeString(old.resolveSibling(old.getFileName() + ".part"), "partial");
        Path oldConfig = Files.writeString(old.resolveSibling(old.getFileName() + ".part.config"), "config");
        Files.writeString(old, "cache of the old build");

        Files.writeString(jar, "rebuilt jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        caches.jvmOptions("membership-service", jar, JDK_25);

        assertFalse(Files.exists(old));
        assertFalse(Files.exists(oldPart));
        assertFalse(Files.exists(oldConfig));
    }

    @Test
    void eachJdkHasItsOwnFileAndKindOfArchive() throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        ClassDataArchive archives = new ClassDataArchive(dir.resolve("appcds"));

        Path jsa = archives.archiveFor("learning-service", jar, JDK_17);
        Path aot = archives.archiveFor("learning-service", jar, JDK_25);

        assertNotEquals(jsa, aot);
        assertTrue(jsa.getFileName().toString().endsWith("-17.0.15_6.jsa"), jsa.toString());
        assertTrue(aot.getFileName().toString().endsWith("-25.0.3_9_LTS.aot"), aot.toString());
        assertEquals("-XX:ArchiveClassesAtExit=" + jsa + ".part", archives.jvmOptions("learning-service", jar, JDK_17).get(0));
        assertFalse(archives.completed("learning-service", jar, JDK_17), "nothing written, nothing completed");
    }

    @Test
    void switchingJdksKeepsTheOtherJdksCacheOfTheSameBuild() throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        ClassDataArchive archives = new ClassDataArchive(dir.resolve("appcds"));
        archives.jvmOptions("gateway", jar, JDK_25);
        Path aot = Files.writeString(archives.archiveFor("gateway", jar, JDK_25), "JDK 25's cache");

        List<String> onJdk17 = archives.jvmOptions("gateway", jar, JDK_17);
        Path jsa = Files.writeString(archives.archiveFor("gateway", jar, JDK_17), "JDK 17's archive");

        assertTrue(onJdk17.get(0).startsWith("-XX:ArchiveClassesAtExit="), onJdk17.toString());
        assertTrue(Files.exists(aot), "JDK 25's cache of the same build stays");
        assertEquals(List.of("-XX:AOTCache=" + aot, "-Xlog:aot=off,cds=off"), archives.jvmOptions("gateway", jar, JDK_25));
        assertTrue(Files.exists(jsa));
    }

    /**
     * A JDK 25 or later, when installed (what GOVTECH_JAVA_HOME may name): a training run with the launcher's
     * options writes a cache that the next run starts from (the JVM refuses to start with {@code -XX:AOTMode=on}
     * when it cannot use the cache).
     */
    @Test
    void aJdkFromTwentyFiveOnTrainsACacheAndStartsFromIt() throws Exception {
        RuntimeJdk runtime = RuntimeJdk.newestWithAotCache().orElseGet(RuntimeJdk::current);
        assumeTrue(ClassDataArchive.usesAotCache(runtime.version()), "no JDK 25+ here: " + runtime);
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        ClassDataArchive caches = new ClassDataArchive(dir.resolve("appcds"));
        List<String> small = SmallJvm.options(ServiceSpec.MEMBERSHIP, runtime.version());

        List<String> training = new ArrayList<>(small);
        training.addAll(caches.jvmOptions("tiny", jar, runtime.version()));
        java(runtime, training, "-version");
        assertTrue(caches.completed("tiny", jar, runtime.version()), "the training run wrote its cache");

        List<String> production = new ArrayList<>(small);
        production.addAll(caches.jvmOptions("tiny", jar, runtime.version()));
        assertTrue(production.get(production.size() - 2).startsWith("-XX:AOTCache="), production.toString());
        production.addAll(List.of("-XX:AOTMode=on", "-Xlog:aot=info"));
        String out = java(runtime, production, "-version");
        assertTrue(out.contains("Opened AOT cache"), out);
    }

    private static String java(RuntimeJdk runtime, List<String> options, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(runtime.java().toString());
        command.addAll(options);
        command.addAll(List.of(args));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(120, TimeUnit.SECONDS), "java did not end");
        assertEquals(0, java.exitValue(), out);
        return out;
    }
}
