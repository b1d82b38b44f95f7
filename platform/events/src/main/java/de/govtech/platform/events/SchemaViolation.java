package de.govtech.platform.events;

/**
 * One way an event payload breaks its JSON Schema.
 *
 * @param path    JSON Pointer to the offending field, e.g. {@code /officialKey}; for a missing required field the
 *                pointer of the field that is missing; empty for the document itself
 * @param keyword the schema keyword that failed, e.g. {@code required}, {@code pattern}, {@code format}
 * @param message human-readable description
 */
public record SchemaViolation(String path, String keyword, String message) {

    /** The last segment of {@link #path()}, i.e. the field name (or array index), empty for the document. */
    public String field() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(document)" : path) + ": " + message;
    }
}
