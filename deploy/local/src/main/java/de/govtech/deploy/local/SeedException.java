package de.govtech.deploy.local;

/** Seeding the demo data failed; the stack keeps running (it is only demo data). */
final class SeedException extends RuntimeException {

    SeedException(String message) {
        super(message);
    }

    SeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
