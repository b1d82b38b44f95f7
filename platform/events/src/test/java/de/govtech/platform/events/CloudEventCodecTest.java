package de.govtech.platform.events;

import de.govtech.platform.events.membership.MemberJoined;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudEventCodecTest {

    private static final UUID EVENT_ID = UUID.fromString("0b7c7a52-3c55-4c39-a8b6-0c1d2e3f4a5b");
    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-02-03T11:15:30.123456+01:00");

    private final CloudEvent event = CloudEvent.of(SamplePayloads.memberJoined(), EVENT_ID, TIME);

    @Test
    void encodesBinaryModeHeaders() {
        Map<String, byte[]> headers = CloudEventCodec.encodeHeaders(event);

        assertEquals(CloudEventHeaders.ALL, List.copyOf(headers.keySet()));
        assertEquals("1.0", text(headers.get("ce_specversion")));
        assertEquals(EVENT_ID.toString(), text(headers.get("ce_id")));
        assertEquals("/membership-service", text(headers.get("ce_source")));
        assertEquals("de.govtech.membership.member-joined.v1", text(headers.get("ce_type")));
        assertEquals("2026-02-03T10:15:30.123456Z", text(headers.get("ce_time")));
        assertEquals(SamplePayloads.HEILBRONN.toString(), text(headers.get("ce_subject")));
        assertEquals("application/json", text(headers.get("content-type")));
        assertArrayEquals(SamplePayloads.HEILBRONN.toString().getBytes(StandardCharsets.UTF_8), CloudEventCodec.encodeKey(event));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void roundTripsEveryType(EventType type) {
        CloudEvent original = CloudEvent.of(SamplePayloads.all().get(type));

        CloudEvent decoded = CloudEventCodec.decode(CloudEventCodec.encodeHeaders(original), CloudEventCodec.encodeValue(original));

        assertEquals(original, decoded);
        assertEquals(SamplePayloads.all().get(type), decoded.payload());
        assertEquals(SamplePayloads.all().get(type), decoded.payload(type.payloadClass()));
    }

    @Test
    void decodesFromNameValuePairsWhereTheLastHeaderWins() {
        List<Map.Entry<String, byte[]>> pairs = new ArrayList<>();
        pairs.add(Map.entry("ce_id", bytes("11111111-1111-4111-8111-111111111111")));
        pairs.add(Map.entry("traceparent", bytes("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")));
        CloudEventCodec.encodeHeaders(event, (name, value) -> pairs.add(Map.entry(name, value)));

        CloudEvent decoded = CloudEventCodec.decode(HeaderLookup.of(pairs), event.dataBytes());

        assertEquals(event, decoded);
    }

    @Test
    void timeIsNormalisedToUtc() {
        assertEquals(ZoneOffset.UTC, event.time().getOffset());
        assertEquals(TIME.toInstant(), event.time().toInstant());
    }

    @Test
    void rejectsAMissingId() {
        Map<String, byte[]> headers = CloudEventCodec.encodeHeaders(event);
        headers.remove("ce_id");

        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                () -> CloudEventCodec.decode(headers, event.dataBytes()));

        assertEquals("ce_id", e.attribute());
        assertEquals("missing required CloudEvents header ce_id", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("requiredHeaders")
    void rejectsEveryMissingRequiredHeader(String header) {
        Map<String, byte[]> headers = CloudEventCodec.encodeHeaders(event);
        headers.remove(header);

        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                () -> CloudEventCodec.decode(headers, event.dataBytes()));

        assertEquals(header, e.attribute());
        assertTrue(e.getMessage().contains(header), e.getMessage());
    }

    static List<String> requiredHeaders() {
        return CloudEventHeaders.REQUIRED;
    }

    @Test
    void rejectsMalformedAttributesNamingThem() {
        assertRejected("ce_specversion", "0.3", "ce_specversion");
        assertRejected("ce_id", "", "ce_id");
        assertRejected("ce_id", "event-1", "ce_id");
        assertRejected("ce_time", "yesterday", "ce_time");
        assertRejected("ce_source", "not a uri", "ce_source");
        assertRejected("content-type", "application/xml", "content-type");
    }

    @Test
    void acceptsJsonContentTypeWithParametersAndAMissingContentType() {
        Map<String, byte[]> headers = CloudEventCodec.encodeHeaders(event);
        headers.put("content-type", bytes("application/json; charset=utf-8"));
        assertEquals(event, CloudEventCodec.decode(headers, event.dataBytes()));

        headers.remove("content-type");
        assertEquals("application/json", CloudEventCodec.decode(headers, event.dataBytes()).dataContentType());
    }

    @Test
    void rejectsMissingOrNonJsonData() {
        Map<String, byte[]> headers = CloudEventCodec.encodeHeaders(event);

        assertEquals("data", assertThrows(InvalidCloudEventException.class,
                () -> CloudEventCodec.decode(headers, null)).attribute());
        assertEquals("data", assertThrows(InvalidCloudEventException.class,
                () -> CloudEventCodec.decode(headers, new byte[0])).attribute());
        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                () -> CloudEventCodec.decode(headers, bytes("{\"municipalityId\":")));
        assertEquals("data", e.attribute());
        assertTrue(e.getMessage().startsWith("event data is not valid JSON"), e.getMessage());
    }

    @Test
    void anUnknownTypeDecodesButHasNoRegisteredPayload() {
        Map<String, byte[]> headers = CloudEventCodec.encodeHeaders(event);
        headers.put("ce_type", bytes("de.govtech.membership.member-joined.v2"));

        CloudEvent decoded = CloudEventCodec.decode(headers, event.dataBytes());

        assertTrue(decoded.eventType().isEmpty());
        assertInstanceOf(UnknownEventTypeException.class, assertThrows(RuntimeException.class, decoded::payload));
    }

    @Test
    void payloadOfTheWrongClassIsRefused() {
        assertEquals(SamplePayloads.memberJoined(), event.payload(MemberJoined.class));
        assertThrows(IllegalArgumentException.class,
                () -> event.payload(de.govtech.platform.events.membership.MemberLeft.class));
    }

    private void assertRejected(String header, String value, String expectedAttribute) {
        Map<String, byte[]> headers = CloudEventCodec.encodeHeaders(event);
        headers.put(header, bytes(value));
        InvalidCloudEventException e = assertThrows(InvalidCloudEventException.class,
                () -> CloudEventCodec.decode(headers, event.dataBytes()), header + "=" + value);
        assertEquals(expectedAttribute, e.attribute());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
