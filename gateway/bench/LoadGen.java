import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A small closed-loop HTTP load generator (no wrk/hey/ab needed): {@code java LoadGen.java --target NAME=URL ...}.
 *
 * <p>Each of {@code --connections} threads owns one HTTP/1.1 client, so one keep-alive connection per thread, and
 * sends the next GET as soon as the previous answer is read in full. Every target runs a warm-up (not recorded)
 * and then a measured phase; with {@code --rounds R} the targets take turns R times (A B A B …), so a change in the
 * machine's background load hits all of them alike, and the measured phases of a target are pooled. Every measured
 * latency is kept (a long per request), sorted at the end: exact percentiles, no bucketing error.
 *
 * <p>Prints one block per target, a comparison of every target with the first one, and one line per target
 * starting with {@code RESULT} for scripts. Exits with 1 when any answer was not 2xx or any request failed.
 */
public final class LoadGen {

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadGen: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "LoadGen: %d connections, warm-up %d s, measured %d s x %d round(s) per target, "
                        + "timeout %d s, Java %s, %d CPUs%n",
                options.connections, options.warmup.toSeconds(), options.duration.toSeconds(), options.rounds,
                options.timeout.toSeconds(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        Map<String, Result> results = new LinkedHashMap<>();
        options.targets.keySet().forEach(name -> results.put(name, new Result(name)));
        for (int round = 1; round <= options.rounds; round++) {
            for (Map.Entry<String, URI> target : options.targets.entrySet()) {
                // the first round warms the JIT of both sides; later rounds only refill the connection pools
                Duration warmup = round == 1 ? options.warmup : Duration.ofSeconds(Math.min(2, options.warmup.toSeconds()));
                out.printf(Locale.ROOT, "round %d/%d  %-10s warm-up %d s, measuring %d s  %s%n", round, options.rounds,
                        target.getKey(), warmup.toSeconds(), options.duration.toSeconds(), target.getValue());
                Phase phase = new Phase(target.getValue(), options, warmup);
                results.get(target.getKey()).add(phase.run());
            }
        }

        out.println();
        results.values().forEach(r -> r.print(out));
        List<Result> all = new ArrayList<>(results.values());
        if (all.size() > 1) {
            out.println();
            Result base = all.get(0);
            for (Result other : all.subList(1, all.size())) {
                Comparison.print(out, base, other);
            }
        }
        out.println();
        all.forEach(r -> out.println(r.line()));
        long failures = all.stream().mapToLong(Result::failures).sum();
        if (failures > 0) {
            out.printf("FAILED: %d answers were not 2xx or failed%n", failures);
            System.exit(1);
        }
    }

    /** Command-line options. */
    static final class Options {
        static final String USAGE = """
                usage: java LoadGen.java --target NAME=URL [--target NAME=URL ...] [--header 'Name: value' ...]
                         [--connections 16] [--warmup 10s] [--duration 30s] [--rounds 1] [--timeout 10s]
                         [--watch NAME=PID ...]
                  The first target is the baseline the others are compared with. --watch reports the CPU time a
                  local process (e.g. the gateway, the service) spent per measured request; LoadGen watches itself.""";

        final Map<String, URI> targets = new LinkedHashMap<>();
        final List<String[]> headers = new ArrayList<>();
        final Map<String, Long> watched = new LinkedHashMap<>();
        int connections = 16;
        Duration warmup = Duration.ofSeconds(10);
        Duration duration = Duration.ofSeconds(30);
        int rounds = 1;
        Duration timeout = Duration.ofSeconds(10);

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("-h") || flag.equals("--help")) {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--target" -> {
                        int eq = value.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--target wants NAME=URL, got " + value);
                        }
                        o.targets.put(value.substring(0, eq), URI.create(value.substring(eq + 1)));
                    }
                    case "--header" -> {
                        int colon = value.indexOf(':');
                        if (colon <= 0) {
                            throw new IllegalArgumentException("--header wants 'Name: value'");
                        }
                        o.headers.add(new String[] {value.substring(0, colon).trim(), value.substring(colon + 1).trim()});
                    }
                    case "--watch" -> {
                        int eq = value.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--watch wants NAME=PID, got " + value);
                        }
                        o.watched.put(value.substring(0, eq), Long.parseLong(value.substring(eq + 1)));
                    }
                    case "--connections" -> o.connections = positive(flag, Integer.parseInt(value));
                    case "--warmup" -> o.warmup = seconds(value);
                    case "--duration" -> o.duration = seconds(value);
                    case "--rounds" -> o.rounds = positive(flag, Integer.parseInt(value));
                    case "--timeout" -> o.timeout = seconds(value);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (o.targets.isEmpty()) {
                throw new IllegalArgumentException("at least one --target is needed");
            }
            if (o.duration.isZero()) {
                throw new IllegalArgumentException("--duration must be above 0");
            }
            return o;
        }

        private static int positive(String flag, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(flag + " must be at least 1");
            }
            return value;
        }

        /** "30", "30s" or "2m". */
        private static Duration seconds(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(v.endsWith("s") ? v.substring(0, v.length() - 1) : v));
        }
    }

    /** One target driven by all connections: warm-up, then the measured window. */
    static final class Phase {
        private final URI uri;
        private final Options options;
        private final Duration warmup;

        Phase(URI uri, Options options, Duration warmup) {
            this.uri = uri;
            this.options = options;
            this.warmup = warmup;
        }

        Sample run() throws InterruptedException {
            long start = System.nanoTime();
            long measureFrom = start + warmup.toNanos();
            long measureUntil = measureFrom + options.duration.toNanos();
            Worker[] workers = new Worker[options.connections];
            CountDownLatch done = new CountDownLatch(workers.length);
            ExecutorService threads = Executors.newFixedThreadPool(workers.length);
            try {
                for (int i = 0; i < workers.length; i++) {
                    workers[i] = new Worker(request(), options.timeout, measureFrom, measureUntil);
                    Worker worker = workers[i];
                    threads.execute(() -> {
                        try {
                            worker.run();
                        } finally {
                            done.countDown();
                        }
                    });
                }
                sleepUntil(measureFrom);
                Map<String, Duration> cpuBefore = cpuTimes();
                sleepUntil(measureUntil);
                Map<String, Duration> cpuAfter = cpuTimes();
                done.await();
                cpuAfter.forEach((name, after) -> {
                    Duration before = cpuBefore.get(name);
                    if (before != null) {
                        cpu.put(name, after.minus(before));
                    }
                });
            } finally {
                threads.shutdownNow();
            }
            Sample sample = new Sample(options.duration.toNanos());
            sample.cpu.putAll(cpu);
            for (Worker w : workers) {
                sample.add(w);
            }
            return sample;
        }

        private final Map<String, Duration> cpu = new LinkedHashMap<>();

        private static void sleepUntil(long nanoTime) throws InterruptedException {
            long left;
            while ((left = nanoTime - System.nanoTime()) > 0) {
                Thread.sleep(Math.max(1, left / 1_000_000));
            }
        }

        /** CPU time (user + system) so far of LoadGen itself and of each watched process that is still there. */
        private Map<String, Duration> cpuTimes() {
            Map<String, Duration> times = new LinkedHashMap<>();
            options.watched.forEach((name, pid) -> ProcessHandle.of(pid)
                    .flatMap(p -> p.info().totalCpuDuration()).ifPresent(d -> times.put(name, d)));
            ProcessHandle.current().info().totalCpuDuration().ifPresent(d -> times.put("loadgen", d));
            return times;
        }

        private HttpRequest request() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().timeout(options.timeout);
            for (String[] header : options.headers) {
                builder.header(header[0], header[1]);
            }
            return builder.build();
        }
    }

    /** One connection in a closed loop; keeps the latencies of the requests that started inside the window. */
    static final class Worker implements Runnable {
        private final HttpRequest request;
        private final long measureFrom;
        private final long measureUntil;
        private final HttpClient client;
        long[] latencies = new long[4096];
        int count;
        long bytes;
        final Map<Integer, Long> statuses = new LinkedHashMap<>();
        long errors;
        String firstError;

        Worker(HttpRequest request, Duration timeout, long measureFrom, long measureUntil) {
            this.request = request;
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
            // HTTP/1.1 only: no h2c upgrade, one request at a time on this thread's own keep-alive connection
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        @Override
        public void run() {
            while (true) {
                long begin = System.nanoTime();
                if (begin >= measureUntil) {
                    return;
                }
                int status;
                int length = 0;
                try {
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    status = response.statusCode();
                    length = response.body().length;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    status = -1;
                    if (firstError == null) {
                        firstError = e.toString();
                    }
                }
                long end = System.nanoTime();
                // a request counts when it started inside the window; one still running at its end is finished
                // and recorded, so slow answers are not cut off
                if (begin < measureFrom) {
                    continue;
                }
                if (status < 0) {
                    errors++;
                    continue;
                }
                statuses.merge(status, 1L, Long::sum);
                bytes += length;
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = end - begin;
            }
        }
    }

    /** The measured window of one phase, all connections together. */
    static final class Sample {
        final long windowNanos;
        final List<long[]> parts = new ArrayList<>();
        long requests;
        long bytes;
        long errors;
        final Map<Integer, Long> statuses = new LinkedHashMap<>();
        final Map<String, Duration> cpu = new LinkedHashMap<>();
        String firstError;

        Sample(long windowNanos) {
            this.windowNanos = windowNanos;
        }

        void add(Worker w) {
            parts.add(Arrays.copyOf(w.latencies, w.count));
            requests += w.count;
            bytes += w.bytes;
            errors += w.errors;
            w.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
            if (firstError == null) {
                firstError = w.firstError;
            }
        }
    }

    /** All measured phases of one target, pooled. */
    static final class Result {
        final String name;
        long windowNanos;
        long requests;
        long bytes;
        long errors;
        final Map<Integer, Long> statuses = new LinkedHashMap<>();
        String firstError;
        final Map<String, Duration> cpu = new LinkedHashMap<>();
        private final List<long[]> parts = new ArrayList<>();
        private long[] sorted;

        Result(String name) {
            this.name = name;
        }

        void add(Sample s) {
            windowNanos += s.windowNanos;
            requests += s.requests;
            bytes += s.bytes;
            errors += s.errors;
            s.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
            parts.addAll(s.parts);
            s.cpu.forEach((process, d) -> cpu.merge(process, d, Duration::plus));
            if (firstError == null) {
                firstError = s.firstError;
            }
            sorted = null;
        }

        long[] sorted() {
            if (sorted == null) {
                sorted = new long[(int) requests];
                int at = 0;
                for (long[] part : parts) {
                    System.arraycopy(part, 0, sorted, at, part.length);
                    at += part.length;
                }
                Arrays.sort(sorted);
            }
            return sorted;
        }

        double throughput() {
            return requests / (windowNanos / 1e9);
        }

        /** Nearest-rank percentile in milliseconds. */
        double percentileMs(double p) {
            long[] s = sorted();
            if (s.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * s.length);
            return s[Math.max(0, Math.min(s.length - 1, rank - 1))] / 1e6;
        }

        double meanMs() {
            long[] s = sorted();
            return s.length == 0 ? Double.NaN : Arrays.stream(s).average().orElse(0) / 1e6;
        }

        long non2xx() {
            return statuses.entrySet().stream().filter(e -> e.getKey() < 200 || e.getKey() > 299)
                    .mapToLong(Map.Entry::getValue).sum();
        }

        long failures() {
            return non2xx() + errors + (requests == 0 ? 1 : 0);
        }

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "%s%n", name);
            out.printf(Locale.ROOT, "  requests %d in %.1f s = %.1f req/s, %.0f bytes/answer%n", requests,
                    windowNanos / 1e9, throughput(), requests == 0 ? 0.0 : (double) bytes / requests);
            out.printf(Locale.ROOT, "  latency ms  mean %.2f  p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                    meanMs(), percentileMs(50), percentileMs(90), percentileMs(99), percentileMs(99.9),
                    percentileMs(100));
            out.printf(Locale.ROOT, "  status %s, non-2xx %d, failed requests %d%s%n", statuses, non2xx(), errors,
                    firstError == null ? "" : " (first: " + firstError + ")");
            if (!cpu.isEmpty() && requests > 0) {
                StringBuilder line = new StringBuilder("  CPU per request");
                cpu.forEach((process, d) -> line.append(String.format(Locale.ROOT, "  %s %.3f ms (%.0f%% of a core)",
                        process, d.toNanos() / 1e6 / requests, 100.0 * d.toNanos() / windowNanos)));
                out.println(line);
            }
        }

        String cpuFields() {
            StringBuilder fields = new StringBuilder();
            cpu.forEach((process, d) -> fields.append(String.format(Locale.ROOT, " cpu_ms_per_req_%s=%.4f", process,
                    requests == 0 ? Double.NaN : d.toNanos() / 1e6 / requests)));
            return fields.toString();
        }

        String line() {
            return String.format(Locale.ROOT, "RESULT target=%s requests=%d rps=%.1f mean_ms=%.3f p50_ms=%.3f "
                            + "p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d errors=%d", name, requests, throughput(),
                    meanMs(), percentileMs(50), percentileMs(90), percentileMs(99), percentileMs(100), non2xx(),
                    errors) + cpuFields();
        }
    }

    /** How a target compares with the baseline (the first target). */
    static final class Comparison {
        static void print(PrintStream out, Result base, Result other) {
            out.printf(Locale.ROOT, "%s vs %s: throughput ratio %.2f (%.1f vs %.1f req/s); added latency "
                            + "p50 %+.2f ms, p90 %+.2f ms, p99 %+.2f ms, mean %+.2f ms%n",
                    other.name, base.name, other.throughput() / base.throughput(), other.throughput(),
                    base.throughput(), other.percentileMs(50) - base.percentileMs(50),
                    other.percentileMs(90) - base.percentileMs(90), other.percentileMs(99) - base.percentileMs(99),
                    other.meanMs() - base.meanMs());
            out.println(String.format(Locale.ROOT, "COMPARE target=%s base=%s ratio=%.3f added_p50_ms=%.3f "
                            + "added_p90_ms=%.3f added_p99_ms=%.3f", other.name, base.name,
                    other.throughput() / base.throughput(), other.percentileMs(50) - base.percentileMs(50),
                    other.percentileMs(90) - base.percentileMs(90), other.percentileMs(99) - base.percentileMs(99)));
        }
    }
}
