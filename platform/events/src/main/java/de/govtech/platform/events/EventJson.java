package de.govtech.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON mapping of event payloads, shared by producers and consumers so both sides agree on the wire format:
 * ISO-8601 strings for dates and instants (never numeric timestamps), enums by name, decimals read as
 * {@link java.math.BigDecimal} (never floating point), and unknown properties ignored on reading so that a consumer
 * tolerates optional fields added by a newer producer.
 */
public final class EventJson {

    private static final ObjectMapper SHARED = newMapper();

    private EventJson() {
    }

    /** The shared mapper. Thread-safe; do not reconfigure it — use {@link #newMapper()} for a private copy. */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    /** A new mapper with the event settings. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    public static byte[] toBytes(Object value) {
        try {
            return SHARED.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize " + value.getClass().getName(), e);
        }
    }

    public static JsonNode toTree(Object value) {
        return SHARED.valueToTree(value);
    }

    /** Parses JSON bytes; throws {@link UncheckedIOException} if they are not one JSON document. */
    public static JsonNode readTree(byte[] json) {
        JsonNode node;
        try {
            node = SHARED.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new UncheckedIOException(new IOException("empty JSON document"));
        }
        return node;
    }

    public static <T> T fromTree(JsonNode json, Class<T> type) {
        try {
            return SHARED.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T fromBytes(byte[] json, Class<T> type) {
        try {
            return SHARED.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
