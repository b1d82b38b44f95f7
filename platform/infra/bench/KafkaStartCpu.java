import de.govtech.platform.infra.KafkaServer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds the Kafka child JVMs spend until the broker is ready (KafkaServer.start returns), from /proc:
 * the children this JVM has waited for (a separate format JVM, if any) plus the running broker.
 * Usage: java -cp <platform-infra and the broker classpath> KafkaStartCpu.java
 */
public class KafkaStartCpu {

    public static void main(String[] args) throws Exception {
        long began = System.nanoTime();
        try (KafkaServer kafka = KafkaServer.start(null, 0, null)) {
            double wall = (System.nanoTime() - began) / 1e9;
            double reaped = cpuSeconds(Path.of("/proc/self/stat"), 13);
            double broker = ProcessHandle.current().children()
                    .mapToDouble(child -> cpuSeconds(Path.of("/proc/" + child.pid() + "/stat"), 11))
                    .sum();
            System.out.printf("KAFKA START cpu-to-ready %.2f s (format JVM %.2f, broker %.2f), wall %.1f s%n",
                    reaped + broker, reaped, broker, wall);
        }
    }

    /** Sum of two clock-tick fields after the command name: utime+stime (offset 11) or cutime+cstime (offset 13). */
    private static double cpuSeconds(Path stat, int offset) {
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[offset]) + Long.parseLong(fields[offset + 1])) / 100.0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
