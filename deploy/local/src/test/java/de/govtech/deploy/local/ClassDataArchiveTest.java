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

        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off"), archives.jvmOptions("membership-service", jar));
        assertTrue(archive.startsWith(dir.resolve("appcds")), archive.toString());

        Files.writeString(archive, "written by the JVM at exit");
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
        assertTrue(Files.isRegularFile(archive), "the first run wrote the archive: " + dump);

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
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + rebuilt, "-Xlog:cds=off"), archives.jvmOptions("gateway", jar));
        assertFalse(Files.exists(old), "the old build's archive is removed");
        assertTrue(Files.exists(otherApp), "a name that only starts alike is another application's, not removed");
    }

    @Test
    void withoutTheApplicationJarThereIsNoArchiveOption() {
        ClassDataArchive archives = new ClassDataArchive(dir.resolve("appcds"));

        assertEquals(List.of(), archives.jvmOptions("gateway", dir.resolve("missing.jar")));
    }
}
