package de.govtech.deploy.local;

import java.nio.file.Path;
import java.util.Optional;

/** A failure the user can act on: printed as a plain message (no stack trace), with the log file to read. */
class StackException extends RuntimeException {

    private final transient Path logFile;

    StackException(String message) {
        this(message, null, null);
    }

    StackException(String message, Path logFile) {
        this(message, logFile, null);
    }

    StackException(String message, Path logFile, Throwable cause) {
        super(message, cause);
        this.logFile = logFile;
    }

    Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }
}
