package de.govtech.platform.openapi;

/** The documents cannot be merged into one valid document (e.g. two services claim the same path). */
public class OpenApiMergeException extends RuntimeException {

    public OpenApiMergeException(String message) {
        super(message);
    }
}
