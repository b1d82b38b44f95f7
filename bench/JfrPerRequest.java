import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of bench/gateway-profile.sh and prints per request: bytes allocated (jdk.ThreadAllocationStatistics,
 * last minus first figure per thread), garbage collections and their pauses, the CPU samples by part of the gateway
 * (each sample counts for the innermost frame that belongs to a named part) and allocation by site
 * (jdk.ObjectAllocationSample weights, each thread's first sample left out: its weight covers the time before the
 * recording). Run with the JDK's source launcher: {@code java bench/JfrPerRequest.java <file.jfr> <requests> [top]}.
 */
public class JfrPerRequest {

    /** The parts of a request's work, tried in this order on each frame from the innermost outwards. */
    private static final Map<String, Predicate<String>> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("OpenTelemetry (spans, context, export)", c -> c.startsWith("io.opentelemetry")
                || c.startsWith("io.quarkus.opentelemetry"));
        PARTS.put("Micrometer (HTTP metrics, GC notifications)", c -> c.startsWith("io.micrometer")
                || c.startsWith("io.quarkus.micrometer"));
        PARTS.put("token check (quarkus-oidc, jose4j, smallrye-jwt)", c -> c.startsWith("io.quarkus.oidc")
                || c.startsWith("org.jose4j") || c.startsWith("io.smallrye.jwt"));
        PARTS.put("token cache (ValidatedTokens)", c -> c.startsWith("de.govtech.gateway.edge.ValidatedTokens"));
        PARTS.put("rate limit (bucket4j, Caffeine, CallerRateLimits)", c -> c.startsWith("io.github.bucket4j")
                || c.startsWith("com.github.benmanes.caffeine") || c.startsWith("de.govtech.gateway.ratelimit"));
        PARTS.put("gateway code (proxy, headers, request id, problems)", c -> c.startsWith("de.govtech.gateway"));
        PARTS.put("Quarkus security (path policies, identity)", c -> c.startsWith("io.quarkus.vertx.http.runtime.security")
                || c.startsWith("io.quarkus.security"));
        PARTS.put("context propagation (SmallRye, Mutiny, ArC)", c -> c.startsWith("io.smallrye.context")
                || c.startsWith("io.smallrye.mutiny") || c.startsWith("io.quarkus.arc"));
        PARTS.put("logging, MDC", c -> c.startsWith("org.jboss.logmanager") || c.startsWith("org.jboss.logging")
                || c.startsWith("io.quarkus.vertx.core.runtime.VertxMDC"));
        PARTS.put("Vert.x Web router, Quarkus HTTP", c -> c.startsWith("io.vertx.ext.web")
                || c.startsWith("io.quarkus.vertx.http") || c.startsWith("org.jboss.resteasy.reactive"));
        PARTS.put("HTTP codec, Vert.x HTTP server and client", c -> c.startsWith("io.netty.handler.codec")
                || c.startsWith("io.vertx.core.http") || c.startsWith("io.vertx.core.net"));
        PARTS.put("Netty channel, buffers, sockets", c -> c.startsWith("io.netty") || c.startsWith("sun.nio")
                || c.startsWith("io.vertx.core"));
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long requests = Long.parseLong(args[1]);
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 20;

        Map<Long, long[]> allocatedByThread = new HashMap<>(); // thread id -> {min, max}
        int collections = 0;
        Duration pauses = Duration.ZERO;
        Map<String, Integer> cpuByPart = new HashMap<>();
        Map<String, Integer> cpuByFrame = new HashMap<>();
        int cpuSamples = 0;
        Map<Long, Boolean> firstAllocationSeen = new HashMap<>();
        Map<String, Long> allocationBySite = new HashMap<>();
        Map<String, Long> allocationByPart = new HashMap<>();
        long allocationSampled = 0;

        List<RecordedEvent> allocationSamples = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            switch (event.getEventType().getName()) {
                case "jdk.ThreadAllocationStatistics" -> {
                    long bytes = event.getLong("allocated");
                    long[] range = allocatedByThread.computeIfAbsent(event.getThread("thread").getJavaThreadId(),
                            id -> new long[] { Long.MAX_VALUE, Long.MIN_VALUE });
                    range[0] = Math.min(range[0], bytes);
                    range[1] = Math.max(range[1], bytes);
                }
                case "jdk.GarbageCollection" -> {
                    collections++;
                    pauses = pauses.plus(event.getDuration("sumOfPauses"));
                }
                case "jdk.ExecutionSample" -> {
                    cpuSamples++;
                    RecordedStackTrace stack = event.getStackTrace();
                    cpuByPart.merge(part(stack), 1, Integer::sum);
                    if (stack != null && !stack.getFrames().isEmpty()) {
                        cpuByFrame.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
                    }
                }
                case "jdk.ObjectAllocationSample" -> allocationSamples.add(event);
                default -> {
                }
            }
        }
        allocationSamples.sort((a, b) -> a.getStartTime().compareTo(b.getStartTime()));
        for (RecordedEvent event : allocationSamples) {
            long thread = event.getThread("eventThread").getJavaThreadId();
            if (firstAllocationSeen.put(thread, Boolean.TRUE) == null) {
                continue;
            }
            long weight = event.getLong("weight");
            allocationSampled += weight;
            allocationBySite.merge(site(event.getStackTrace()) + " (" + event.getClass("objectClass").getName() + ")",
                    weight, Long::sum);
            allocationByPart.merge(part(event.getStackTrace()), weight, Long::sum);
        }
        long allocated = allocatedByThread.values().stream().mapToLong(r -> r[1] - r[0]).sum();

        System.out.printf("allocated/request   %.1f KB (all threads)%n", allocated / 1024.0 / requests);
        System.out.printf("GC                  %d collections, %.2f per 1000 requests; pauses %.1f ms in all, %.3f ms per 1000 requests%n",
                collections, collections * 1000.0 / requests, pauses.toNanos() / 1e6, pauses.toNanos() / 1e6 * 1000 / requests);
        System.out.printf("CPU samples         %d%n", cpuSamples);
        System.out.println();
        System.out.println("CPU samples by part (innermost frame of a named part; 'other': JDK and the rest):");
        print(cpuByPart, cpuSamples, top);
        System.out.println();
        System.out.println("CPU samples by the running frame:");
        print(cpuByFrame, cpuSamples, top);
        System.out.println();
        System.out.println("Allocation by part (sampled bytes):");
        print(allocationByPart, allocationSampled, top);
        System.out.println();
        System.out.println("Allocation by site (sampled bytes; the first frame outside java.*, jdk.*, sun.*; the class allocated):");
        print(allocationBySite, allocationSampled, top);
    }

    private static String part(RecordedStackTrace stack) {
        if (stack == null) {
            return "other";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            for (var part : PARTS.entrySet()) {
                if (part.getValue().test(type)) {
                    return part.getKey();
                }
            }
        }
        return "other";
    }

    private static String site(RecordedStackTrace stack) {
        if (stack == null) {
            return "?";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return name(frame);
            }
        }
        return stack.getFrames().isEmpty() ? "?" : "(JDK only) " + name(stack.getFrames().get(0));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static <N extends Number> void print(Map<String, N> counts, long total, int top) {
        counts.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().longValue(), a.getValue().longValue()))
                .limit(top)
                .forEach(e -> System.out.printf("%5.1f %%  %s%n", e.getValue().longValue() * 100.0 / Math.max(1, total), e.getKey()));
    }
}
