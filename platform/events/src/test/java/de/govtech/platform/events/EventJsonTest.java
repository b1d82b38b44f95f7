package de.govtech.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MemberSuspended;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJsonTest {

    @Test
    void writesDatesAndInstantsAsIsoStrings() {
        JsonNode joined = EventJson.toTree(SamplePayloads.memberJoined());
        assertEquals("2025-12-12", joined.get("joinedOn").asText());
        assertEquals("KREISFREIE_STADT", joined.get("municipalityType").asText());
        assertEquals(130093, joined.get("population").intValue());

        JsonNode suspended = EventJson.toTree(SamplePayloads.all().get(EventType.MEMBER_SUSPENDED));
        assertTrue(suspended.get("suspendedAt").isTextual());
        assertEquals("2026-02-03T10:15:30.123Z", suspended.get("suspendedAt").asText());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void roundTripsWithoutLeakingHelperMethods(EventType type) {
        EventPayload payload = SamplePayloads.all().get(type);
        byte[] json = EventJson.toBytes(payload);

        JsonNode tree = EventJson.readTree(json);
        assertFalse(tree.has("aggregateId"), "aggregateId is not part of the payload");
        assertFalse(tree.has("eventType"), "eventType is not part of the payload");
        assertEquals(payload, EventJson.fromBytes(json, type.payloadClass()));
    }

    @Test
    void toleratesFieldsAddedByANewerProducer() {
        ObjectNode json = (ObjectNode) EventJson.toTree(SamplePayloads.memberJoined());
        json.put("website", "https://www.heilbronn.de");

        assertEquals(SamplePayloads.memberJoined(), EventJson.fromTree(json, MemberJoined.class));
    }

    @Test
    void readsDecimalsExactly() {
        JsonNode amount = EventJson.readTree("{\"amount\": 1234.10}".getBytes(StandardCharsets.UTF_8)).get("amount");
        assertTrue(amount.isBigDecimal());
        assertEquals(new BigDecimal("1234.10"), amount.decimalValue());
    }

    @Test
    void readsOffsetTimestampsIntoInstants() {
        ObjectNode json = (ObjectNode) EventJson.toTree(SamplePayloads.all().get(EventType.MEMBER_SUSPENDED));
        json.put("suspendedAt", "2026-02-03T11:15:30.123+01:00");
        MemberSuspended read = EventJson.fromTree(json, MemberSuspended.class);
        assertEquals(SamplePayloads.AT, read.suspendedAt());
        assertInstanceOf(MemberSuspended.class, read);
    }
}
