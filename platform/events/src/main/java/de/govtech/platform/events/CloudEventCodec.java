package de.govtech.platform.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Maps a {@link CloudEvent} to and from a Kafka record in binary content mode: attributes as {@code ce_*} headers
 * (UTF-8 strings), {@code datacontenttype} as {@code content-type}, the JSON data as the record value, and the
 * subject as the record key. Works on plain name/value pairs so this module needs no Kafka client.
 */
public final class CloudEventCodec {

    private CloudEventCodec() {
    }

    /** Writes the headers of {@code event} to {@code sink} in {@link CloudEventHeaders#ALL} order; Kafka: {@code headers::add}. */
    public static void encodeHeaders(CloudEvent event, BiConsumer<String, byte[]> sink) {
        sink.accept(CloudEventHeaders.SPEC_VERSION, utf8(event.specVersion()));
        sink.accept(CloudEventHeaders.ID, utf8(event.id()));
        sink.accept(CloudEventHeaders.SOURCE, utf8(event.source()));
        sink.accept(CloudEventHeaders.TYPE, utf8(event.type()));
        sink.accept(CloudEventHeaders.TIME, utf8(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time())));
        sink.accept(CloudEventHeaders.SUBJECT, utf8(event.subject()));
        sink.accept(CloudEventHeaders.CONTENT_TYPE, utf8(event.dataContentType()));
    }

    /** The headers of {@code event} as an insertion-ordered map. */
    public static Map<String, byte[]> encodeHeaders(CloudEvent event) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        encodeHeaders(event, headers::put);
        return headers;
    }

    /** The Kafka record key: the subject (aggregate id) as UTF-8. */
    public static byte[] encodeKey(CloudEvent event) {
        return utf8(event.subject());
    }

    /** The Kafka record value: the data as JSON bytes. */
    public static byte[] encodeValue(CloudEvent event) {
        return event.dataBytes();
    }

    public static CloudEvent decode(Map<String, byte[]> headers, byte[] value) {
        return decode(HeaderLookup.of(headers), value);
    }

    /**
     * Reads a CloudEvent from a record's headers and value.
     *
     * @throws InvalidCloudEventException if a required header is missing or malformed, the spec version is not 1.0,
     *                                    the content type is not JSON, or the value is missing or not JSON
     */
    public static CloudEvent decode(HeaderLookup headers, byte[] value) {
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new InvalidCloudEventException(CloudEventHeaders.SPEC_VERSION,
                    "unsupported CloudEvents spec version '" + specVersion + "' (expected 1.0)");
        }
        String id = required(headers, CloudEventHeaders.ID);
        requireUuid(id);
        String source = required(headers, CloudEventHeaders.SOURCE);
        requireUriReference(source);
        String type = required(headers, CloudEventHeaders.TYPE);
        String subject = required(headers, CloudEventHeaders.SUBJECT);
        OffsetDateTime time = parseTime(required(headers, CloudEventHeaders.TIME));
        String contentType = optional(headers, CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && !isJson(contentType)) {
            throw new InvalidCloudEventException(CloudEventHeaders.CONTENT_TYPE,
                    "unsupported content-type '" + contentType + "' (expected application/json)");
        }
        JsonNode data = parseData(value);
        return new CloudEvent(id, source, type, subject, time, CloudEventHeaders.APPLICATION_JSON, data);
    }

    private static String required(HeaderLookup headers, String name) {
        String value = optional(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidCloudEventException(name, "missing required CloudEvents header " + name);
        }
        return value;
    }

    private static String optional(HeaderLookup headers, String name) {
        byte[] raw = headers.lastValue(name);
        return raw == null ? null : new String(raw, StandardCharsets.UTF_8);
    }

    private static OffsetDateTime parseTime(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new InvalidCloudEventException(CloudEventHeaders.TIME,
                    "header " + CloudEventHeaders.TIME + " is not an RFC 3339 timestamp: '" + text + "'", e);
        }
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals(CloudEventHeaders.APPLICATION_JSON);
    }

    private static JsonNode parseData(byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidCloudEventException("data", "record has no value (event data is required)");
        }
        try {
            return EventJson.readTree(value);
        } catch (UncheckedIOException e) {
            throw new InvalidCloudEventException("data", "event data is not valid JSON: " + e.getCause().getMessage(), e);
        }
    }

    private static void requireUuid(String id) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidCloudEventException(CloudEventHeaders.ID,
                    "header " + CloudEventHeaders.ID + " is not a UUID: '" + id + "'", e);
        }
    }

    private static void requireUriReference(String source) {
        try {
            new URI(source);
        } catch (URISyntaxException e) {
            throw new InvalidCloudEventException(CloudEventHeaders.SOURCE,
                    "header " + CloudEventHeaders.SOURCE + " is not a URI reference: '" + source + "'", e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
