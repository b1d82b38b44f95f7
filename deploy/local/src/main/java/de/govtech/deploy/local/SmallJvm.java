package de.govtech.deploy.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JVM options and environment for the applications the launcher runs, sized for small services on a developer's
 * machine (issue 14: at most 200 MiB resident after load, ready quickly). Measured with {@code bench/service-footprint.sh}
 * and by hand (docs/PERFORMANCE.md, "Service start and memory"): the resident memory of a service after load came
 * mostly from a heap committed up to {@code -Xmx} at once, glibc's per-thread malloc arenas and the C2 compiler.
 */
final class SmallJvm {

    /**
     * Heap: start at 16 MiB and grow only as the old generation needs (without {@code -Xms} the serial collector
     * commits the whole {@code -Xmx} at start, 1/64 of the machine's memory being more than it); give memory back
     * after a full collection when more than 40 % is free. 128 MiB is a cap, not a size: a service holds 30–60 MiB
     * after load.
     */
    static final List<String> HEAP = List.of("-Xms16m", "-Xmx128m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=40", "-XX:+UseSerialGC");
    /**
     * Services only: compile with C1 alone. No C2 threads and arenas, a smaller code cache, less compile work
     * during the start on two cores; peak throughput is lower, which a service whose time goes to PostgreSQL
     * hardly shows. The gateway keeps C2: its CPU time per request is what its benchmark compares.
     */
    static final List<String> SERVICE_COMPILER = List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m");
    /** Return freed malloc memory to the OS every 5 s (JDK 17.0.9+, 21.0.1+, 22+; ignored on older JDKs). */
    static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";
    /** glibc makes up to 8 × cores malloc arenas of 64 MiB address space each, touched by every busy thread. */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private SmallJvm() {
    }

    /** The options for an application; {@code runtime}: the JDK the child runs on (the launcher's own). */
    static List<String> options(ServiceSpec spec, Runtime.Version runtime) {
        List<String> options = new ArrayList<>(HEAP);
        if (!spec.isGateway()) {
            options.addAll(SERVICE_COMPILER);
        }
        if (canTrimNativeHeap(runtime)) {
            options.add(TRIM_NATIVE_HEAP);
        }
        return options;
    }

    /** An unknown -XX option stops the JVM, so the trim is only asked of JDKs that have it. */
    static boolean canTrimNativeHeap(Runtime.Version v) {
        return v.feature() >= 22 || (v.feature() == 21 && v.update() >= 1) || (v.feature() == 17 && v.update() >= 9);
    }
}
