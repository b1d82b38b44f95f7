package de.govtech.deploy.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * When a process started, as a value that tells it from a later process given the same pid.
 *
 * <p>On Linux this is the start time in clock ticks since boot from {@code /proc/<pid>/stat}. The JDK's
 * {@code ProcessHandle.Info.startInstant()} adds the boot time in wall-clock seconds ({@code btime}), which moves
 * when the clock is stepped (a VM resumed from a snapshot, NTP): two JVMs then disagree on the start of one process
 * and a recorded launcher or child no longer looks like itself. Elsewhere the start instant is the best there is.
 */
final class ProcessStart {

    /** The start time's field in {@code /proc/<pid>/stat}, counted from the first field after the command. */
    private static final int START_TIME_AFTER_COMMAND = 19;

    private ProcessStart() {
    }

    /** The process's start mark; -1 when the system does not say. */
    static long of(ProcessHandle process) {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        if (Files.isReadable(stat)) {
            try {
                return startTicks(Files.readString(stat, StandardCharsets.US_ASCII));
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
    }

    // the command name in parentheses may itself contain spaces and parentheses, so the fields count from the last ')'
    static long startTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[START_TIME_AFTER_COMMAND]);
    }
}
