package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuntimeJdkTest {

    @TempDir
    Path jvms;

    private final RuntimeJdk launchers = new RuntimeJdk(Path.of("/opt/launcher-jdk"), Runtime.Version.parse("17.0.15"));

    @Test
    void theNewestJdkFromTwentyFiveOnIsFound() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("temurin-25-jdk-amd64", "25.0.3");
        Path newest = jdk("temurin-26-jdk-amd64", "26.0.1");
        jdk("temurin-25-jre-amd64", "25.0.9");

        RuntimeJdk chosen = RuntimeJdk.newestWithAotCache(jvms).orElseThrow();

        assertEquals(newest, chosen.home());
        assertEquals(Runtime.Version.parse("26.0.1"), chosen.version());
        assertEquals(newest.resolve("bin/java"), chosen.java());
    }

    @Test
    void withoutGovtechJavaHomeTheLaunchersOwnJdkRunsTheApplicationsEvenBesideANewerOne() throws IOException {
        jdk("temurin-25-jdk-amd64", "25.0.3");

        assertEquals(launchers, RuntimeJdk.choose(Map.of(), launchers));
        assertEquals(launchers, RuntimeJdk.choose(Map.of(RuntimeJdk.ENV, " "), launchers));
    }

    @Test
    void withoutAJdkFromTwentyFiveOnThereIsNoneWithAnAotCache() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("java-21-openjdk-amd64", "21.0.5");

        assertTrue(RuntimeJdk.newestWithAotCache(jvms).isEmpty());
        assertTrue(RuntimeJdk.newestWithAotCache(jvms.resolve("missing")).isEmpty());
    }

    @Test
    void directoriesThatAreNoJdkAreIgnored() throws IOException {
        Path noJava = Files.createDirectories(jvms.resolve("no-java-25"));
        Files.writeString(noJava.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        Path noRelease = Files.createDirectories(jvms.resolve("no-release/bin"));
        executable(noRelease.resolve("java"));
        Path garbled = jdk("garbled-25", "twenty-five");
        Files.writeString(jvms.resolve("a-file"), "not a directory");

        assertTrue(RuntimeJdk.newestWithAotCache(jvms).isEmpty());
        assertTrue(RuntimeJdk.of(garbled).isEmpty());
    }

    @Test
    void anExplicitJdkRunsTheApplications() throws IOException {
        Path explicit = jdk("my-jdk-21", "21.0.5");

        RuntimeJdk chosen = RuntimeJdk.choose(Map.of(RuntimeJdk.ENV, explicit.toString()), launchers);

        assertEquals(explicit, chosen.home());
        assertEquals(21, chosen.version().feature());
    }

    @Test
    void anExplicitDirectoryThatIsNoJdkIsRefusedWithItsName() {
        StackException refused = assertThrows(StackException.class,
                () -> RuntimeJdk.choose(Map.of(RuntimeJdk.ENV, jvms.resolve("nothing").toString()), launchers));

        assertTrue(refused.getMessage().contains(RuntimeJdk.ENV + "=" + jvms.resolve("nothing")), refused.getMessage());
    }

    /** On this machine: whatever it chooses is a JDK whose release file and version agree with its own java. */
    @Test
    void thisMachinesChoiceIsARealJdk() throws Exception {
        RuntimeJdk chosen = RuntimeJdk.choose();

        assertTrue(Files.isExecutable(chosen.java()), chosen.toString());
        Process java = new ProcessBuilder(chosen.java().toString(), "-version").redirectErrorStream(true).start();
        String out = new String(java.getInputStream().readAllBytes());
        assertEquals(0, java.waitFor());
        assertTrue(out.contains("\"" + chosen.version().version().get(0)), out + " vs " + chosen.version());
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name).resolve("bin")).getParent();
        executable(home.resolve("bin/java"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Someone\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private static void executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
