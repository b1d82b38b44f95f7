package de.govtech.platform.events;

import java.util.Map;

/**
 * Read access to a record's headers by name, so the codec needs no Kafka classes. For Kafka's {@code Headers}:
 * {@code name -> { Header h = headers.lastHeader(name); return h == null ? null : h.value(); }}.
 */
@FunctionalInterface
public interface HeaderLookup {

    /** The value of the last header with this name, or {@code null} if there is none. */
    byte[] lastValue(String name);

    static HeaderLookup of(Map<String, byte[]> headers) {
        return headers::get;
    }

    /** Over name/value pairs in record order; as in Kafka, the last pair with a name wins. */
    static HeaderLookup of(Iterable<? extends Map.Entry<String, byte[]>> headers) {
        return name -> {
            byte[] value = null;
            for (Map.Entry<String, byte[]> header : headers) {
                if (name.equals(header.getKey())) {
                    value = header.getValue();
                }
            }
            return value;
        };
    }
}
