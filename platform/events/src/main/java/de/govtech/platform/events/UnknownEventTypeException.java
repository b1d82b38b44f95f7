package de.govtech.platform.events;

/** An event type name that is not registered in {@link EventType}. */
public class UnknownEventTypeException extends IllegalArgumentException {

    private final String typeName;

    public UnknownEventTypeException(String typeName) {
        super("unknown event type '" + typeName + "'");
        this.typeName = typeName;
    }

    public String typeName() {
        return typeName;
    }
}
