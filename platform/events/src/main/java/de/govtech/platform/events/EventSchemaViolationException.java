package de.govtech.platform.events;

import java.util.List;
import java.util.stream.Collectors;

/** An event payload does not conform to the JSON Schema of its type. */
public class EventSchemaViolationException extends RuntimeException {

    private final String type;
    private final List<SchemaViolation> violations;

    public EventSchemaViolationException(String type, List<SchemaViolation> violations) {
        super("event of type " + type + " violates its schema: "
                + violations.stream().map(SchemaViolation::toString).collect(Collectors.joining("; ")));
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public String type() {
        return type;
    }

    public List<SchemaViolation> violations() {
        return violations;
    }
}
