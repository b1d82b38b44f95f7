package de.govtech.systemtests.replicas;

import java.nio.file.Path;

/** Where the second instances write their logs: {@code system-tests/target/replicas/}. */
final class ReplicaFiles {

    private ReplicaFiles() {
    }

    static Path logFile(String name) {
        String moduleDir = System.getProperty("govtech.systemtests.module-dir", "");
        return Path.of(moduleDir.isBlank() ? "." : moduleDir).toAbsolutePath().resolve("target/replicas").resolve(name);
    }
}
