package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off"), archives.jvmOptions("membership-service", jar));
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
