package de.govtech.platform.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTypeRegistryTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeNameFollowsTheNamingRuleAndMatchesThePayloadConstant(EventType type) throws Exception {
        String kebab = type.payloadClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
        assertEquals("de.govtech." + type.area().areaName() + "." + kebab + ".v1", type.typeName());
        assertEquals(type.typeName(), type.payloadClass().getField("TYPE").get(null));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void topicSourceAndPackageFollowTheArea(EventType type) {
        String area = type.area().areaName();
        assertEquals(area + ".events", type.topic());
        assertEquals("/" + area + "-service", type.source());
        assertEquals("de.govtech.platform.events." + area, type.payloadClass().getPackageName());
        assertTrue(type.payloadClass().isRecord(), type.payloadClass() + " should be a record");
        assertTrue(EventType.forTopic(type.topic()).contains(type));
        assertEquals(type.area(), EventArea.byTopic(type.topic()).orElseThrow());
        assertEquals(type.area(), EventArea.bySource(type.source()).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void lookupByNameAndByPayloadClassFindTheType(EventType type) {
        assertEquals(type, EventType.byName(type.typeName()).orElseThrow());
        assertEquals(type, EventType.forName(type.typeName()));
        assertEquals(type, EventType.of(type.payloadClass()));
        assertEquals(EventType.SCHEMA_DIRECTORY + type.typeName() + ".json", type.schemaResource());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventTakesTopicSourceAndSubjectFromTheRegistryAndTheAggregate(EventType type) {
        EventPayload payload = SamplePayloads.all().get(type);
        assertEquals(type, payload.eventType());

        CloudEvent event = CloudEvent.of(payload);

        assertEquals(type.typeName(), event.type());
        assertEquals(type.source(), event.source());
        assertEquals(payload.aggregateId(), event.subject());
        assertEquals(event.data().get(SamplePayloads.aggregateField(type)).asText(), event.subject(),
                "subject must be the payload's " + SamplePayloads.aggregateField(type));
        UUID.fromString(event.subject());
        UUID.fromString(event.id());
    }

    @Test
    void everyTypeHasASampleAndNamesAreUnique() {
        assertEquals(EventType.values().length, SamplePayloads.all().size());
        assertEquals(EventType.values().length,
                Arrays.stream(EventType.values()).map(EventType::typeName).distinct().count());
    }

    @Test
    void areasHaveTheirDeadLetterTopics() {
        assertEquals("membership.dead-letter", EventArea.MEMBERSHIP.deadLetterTopic());
        assertEquals("marketplace.events", EventArea.MARKETPLACE.topic());
        assertEquals("/learning-service", EventArea.LEARNING.source());
    }

    @Test
    void unknownNamesAreReportedNotGuessed() {
        assertFalse(EventType.byName("de.govtech.membership.member-joined.v2").isPresent());
        assertFalse(EventType.byName(null).isPresent());
        UnknownEventTypeException e = assertThrows(UnknownEventTypeException.class,
                () -> EventType.forName("de.govtech.unknown.v1"));
        assertEquals("de.govtech.unknown.v1", e.typeName());
    }
}
