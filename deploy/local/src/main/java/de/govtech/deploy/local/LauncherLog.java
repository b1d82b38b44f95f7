package de.govtech.deploy.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The libraries' logging (platform-infra's System.Logger, zonky's and the Kafka client's SLF4J, both ending in
 * java.util.logging) goes to {@code logs/launcher.log}, not the console: the console shows the launcher's own
 * progress only. PostgreSQL's server output arrives through zonky and lands there too.
 */
final class LauncherLog {

    private LauncherLog() {
    }

    /** Until {@link #toFile} is called, library log records are dropped. */
    static void silenceConsole() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$-7s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.INFO);
    }

    static void toFile(Path file) {
        try {
            FileHandler handler = new FileHandler(file.toString(), true);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.ALL);
            Logger.getLogger("").addHandler(handler);
        } catch (IOException e) {
            // the stack runs without the launcher log; nothing on the console depends on it
        }
    }
}
