package de.govtech.deploy.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JVM options and environment for the applications the launcher runs, sized for small services on a developer's
 * machine (issue 14: at most 200 MiB resident after load, ready quickly). Measured with {@code bench/service-footprint.sh}
 * and by hand (docs/PERFORMANCE.md, "Service start and memory"): the resident memory of a service after load came
 * mostly from a heap committed up to {@code -Xmx} at once, glibc's per-thread malloc arenas and the C2 compiler.
 * The gateway is the exception: every request takes it, so it gets a heap sized for throughput (see
 * {@link #GATEWAY_HEAP}). {@code bench/} asks this class for the options ({@link #main}), so a benchmark starts an
 * application exactly as the launcher does.
 */
final class SmallJvm {

    /**
     * Heap: start at 32 MiB and grow only as the old generation needs (without {@code -Xms} the serial collector
     * commits the whole {@code -Xmx} at start, 1/64 of the machine's memory being more than it); give memory back
     * after a full collection when more than 40 % is free. 128 MiB is a cap, not a size: a service holds 30–60 MiB
     * after load. Why 32 and not 16: a service's start fills about 20 MiB of old generation, and from 16 MiB the
     * old generation grew a few MiB per full collection — 6–7 full collections during membership-service's start,
     * 1–2 from 32 MiB (GC log, docs/PERFORMANCE.md). The metaspace threshold is a trigger, not a size: from its
     * default (~21 MiB) each growth of the class metadata cost a full collection during a start without the AppCDS
     * archive (the first after a build), 3–4 of them.
     */
    static final List<String> HEAP = List.of("-Xms32m", "-Xmx128m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=40", "-XX:MetaspaceSize=96m", "-XX:+UseSerialGC");
    /**
     * The gateway: a young generation of 64 MiB from the start instead of the few MiB a 16 MiB heap has. It allocates
     * ~45 KB per forwarded request (Vert.x copies every body chunk into a heap buffer; headers, spans), so with the
     * services' heap it collected about 8 times per 1,000 requests (25 ms of pauses per 1,000, every event loop
     * stopped each time); with this one under once per 1,000. Still the serial collector: with two cores shared by
     * everything, the parallel collector's and G1's extra threads made the pauses longer, not shorter
     * (bench/gateway-profile.sh, docs/PERFORMANCE.md). 256 MiB is a cap; the gateway keeps little beyond the young
     * generation.
     */
    static final List<String> GATEWAY_HEAP = List.of("-Xms96m", "-Xmx256m", "-Xmn64m", "-XX:+UseSerialGC");
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

    /** The options for an application; {@code runtime}: the version of the JDK the child runs on ({@link RuntimeJdk}). */
    static List<String> options(ServiceSpec spec, Runtime.Version runtime) {
        List<String> options = new ArrayList<>(spec.isGateway() ? GATEWAY_HEAP : HEAP);
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

    /**
     * Prints the JVM options the launcher gives an application, on one line, for the benchmarks:
     * {@code java -cp deploy/local/target/govtech-stack.jar de.govtech.deploy.local.SmallJvm <application> [<repository>]};
     * with the repository's root also its AOT cache or AppCDS option (the launcher's: used when it exists, else
     * written when that run ends, as on the launcher's first start after a build). The options are those for the JDK
     * the launcher runs the applications on, which {@code SmallJvm --java} prints ({@link RuntimeJdk#choose()}).
     */
    public static void main(String[] args) {
        RuntimeJdk runtime = RuntimeJdk.choose();
        if (args.length == 1 && args[0].equals("--java")) {
            System.out.println(runtime.java());
            return;
        }
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SmallJvm <membership|learning|solutions|marketplace|gateway> [<repository root>]"
                    + " | SmallJvm --java");
            System.exit(2);
        }
        ServiceSpec spec = ServiceSpec.byName(args[0]).orElse(null);
        if (spec == null) {
            System.err.println("unknown application " + args[0]);
            System.exit(2);
            return;
        }
        List<String> options = new ArrayList<>(options(spec, runtime.version()));
        if (args.length == 2) {
            StackLayout layout = new StackLayout(Path.of(args[1]).toAbsolutePath().normalize(), Path.of(args[1]));
            options.addAll(new ClassDataArchive(layout.classDataDir())
                    .jvmOptions(spec.moduleDir(), layout.quarkusRunJar(spec), runtime.version()));
        }
        System.out.println(String.join(" ", options));
    }
}
