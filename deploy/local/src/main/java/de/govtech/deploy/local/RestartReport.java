package de.govtech.deploy.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * What the running stack says about a child that died: on the console (the first death of a series and a give-up
 * with the log's tail), in the launcher log, in {@link RestartStatus} for {@code stack.sh status}, and the new pid
 * in children.pid.
 */
final class RestartReport implements Supervisor.Listener {

    private static final Logger LOG = Logger.getLogger(RestartReport.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Terminal terminal;
    private final StackLayout layout;
    private final Map<String, Integer> ports;
    /** Prints a failure with the tail of its log. */
    private final BiConsumer<String, Path> withLog;
    private final Map<String, Integer> restarts = new ConcurrentHashMap<>();

    /** {@code ports}: each child's port by name (for children.pid). */
    RestartReport(Terminal terminal, StackLayout layout, Map<String, Integer> ports, BiConsumer<String, Path> withLog) {
        this.terminal = terminal;
        this.layout = layout;
        this.ports = Map.copyOf(ports);
        this.withLog = withLog;
    }

    @Override
    public void died(ChildProcess child, int exitCode, RestartPolicy.Restart restart) {
        String what = "exited with code " + exitCode + " at " + now() + "; restart " + restart.inARow() + " in "
                + format(restart.delay());
        RestartStatus.put(layout, child.name(), "DOWN, " + what);
        LOG.warning(child.name() + " " + what);
        if (restart.inARow() == 1) {
            withLog.accept(child.name() + " stopped unexpectedly: " + what, child.logFile());
        } else {
            terminal.error(terminal.failed() + " " + child.name() + " " + what);
        }
    }

    @Override
    public void restarted(ChildProcess child, int restartsInARow) {
        int total = restarts.merge(child.name(), 1, Integer::sum);
        ChildPids.add(layout, child.pid(), ports.getOrDefault(child.name(), 0), child.name());
        RestartStatus.put(layout, child.name(), "restarted " + total + "x by the launcher, last at " + now() + " (pid "
                + child.pid() + ")");
        LOG.info(child.name() + " restarted, pid " + child.pid());
        terminal.println(terminal.ok() + " " + child.name() + " restarted (pid " + child.pid() + ", restart "
                + restartsInARow + " in a row)");
    }

    @Override
    public void gaveUp(ChildProcess child, String why) {
        RestartStatus.put(layout, child.name(), "DOWN, given up at " + now() + ": " + why + " (log " + child.logFile() + ")");
        LOG.severe(child.name() + " given up: " + why);
        withLog.accept(child.name() + " keeps dying: " + why, child.logFile());
    }

    private static String now() {
        return LocalTime.now().format(TIME);
    }

    static String format(Duration delay) {
        return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s" : delay.toMillis() + " ms";
    }
}
