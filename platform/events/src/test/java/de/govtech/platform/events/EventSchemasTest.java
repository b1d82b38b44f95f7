package de.govtech.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import de.govtech.platform.events.membership.MemberJoined;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventSchemasTest {

    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaFileIsAValid2020_12Schema(EventType type) {
        String text = EventSchemas.schemaText(type);
        JsonNode schema = EventJson.readTree(text.getBytes(StandardCharsets.UTF_8));

        assertEquals(DRAFT_2020_12, schema.path("$schema").asText());
        assertEquals(type.typeName() + ".json", schema.path("$id").asText());
        assertEquals("object", schema.path("type").asText());
        assertTrue(schema.path("additionalProperties").asBoolean(false), "additionalProperties must be true");

        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema metaSchema = registry.getSchema(SchemaLocation.of(DRAFT_2020_12));
        List<Error> errors = metaSchema.validate(text, InputFormat.JSON);
        assertTrue(errors.isEmpty(), () -> type.schemaResource() + " is not a valid 2020-12 schema: " + errors);
    }

    @Test
    void metaSchemaCheckCatchesABrokenSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema metaSchema = registry.getSchema(SchemaLocation.of(DRAFT_2020_12));
        String broken = "{\"$schema\": \"" + DRAFT_2020_12 + "\", \"type\": \"thing\", \"required\": \"name\"}";
        assertFalse(metaSchema.validate(broken, InputFormat.JSON).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesExactlyThePayloadRecord(EventType type) {
        JsonNode schema = EventJson.readTree(EventSchemas.schemaText(type).getBytes(StandardCharsets.UTF_8));
        Set<String> components = Arrays.stream(type.payloadClass().getRecordComponents())
                .map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> properties = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertEquals(components, properties);

        Set<String> required = StreamSupport.stream(schema.path("required").spliterator(), false)
                .map(JsonNode::asText).collect(Collectors.toSet());
        for (String property : properties) {
            boolean nullable = StreamSupport.stream(schema.path("properties").path(property).path("type").spliterator(), false)
                    .anyMatch(t -> t.asText().equals("null"));
            assertEquals(!nullable, required.contains(property),
                    property + ": a field is required exactly when it is not nullable");
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void serializedSampleValidatesAgainstItsSchema(EventType type) {
        byte[] json = EventJson.toBytes(SamplePayloads.all().get(type));

        List<SchemaViolation> violations = EventSchemas.validate(type.typeName(), json);

        assertTrue(violations.isEmpty(), () -> type.typeName() + ": " + violations);
    }

    @Test
    void missingRequiredFieldIsRejectedNamingTheField() {
        List<SchemaViolation> violations = validateBrokenMemberJoined(json -> json.remove("name"));

        SchemaViolation violation = single(violations);
        assertEquals("/name", violation.path());
        assertEquals("name", violation.field());
        assertEquals("required", violation.keyword());
        assertTrue(violation.message().contains("name"), violation.message());
    }

    @Test
    void badOfficialKeyIsRejectedNamingTheField() {
        List<SchemaViolation> violations = validateBrokenMemberJoined(json -> json.put("officialKey", "0812100"));

        SchemaViolation violation = single(violations);
        assertEquals("/officialKey", violation.path());
        assertEquals("pattern", violation.keyword());
    }

    @Test
    void landOutsideOneToSixteenIsRejectedNamingTheField() {
        List<SchemaViolation> violations = validateBrokenMemberJoined(json -> json.put("land", "17"));

        assertEquals("/land", single(violations).path());
        assertTrue(validateBrokenMemberJoined(json -> json.put("land", "00")).stream().anyMatch(v -> v.field().equals("land")));
        assertTrue(validateBrokenMemberJoined(json -> json.put("land", "8")).stream().anyMatch(v -> v.field().equals("land")));
    }

    @Test
    void formatsAreAsserted() {
        assertEquals("/municipalityId",
                single(validateBrokenMemberJoined(json -> json.put("municipalityId", "not-a-uuid"))).path());
        assertEquals("/joinedOn",
                single(validateBrokenMemberJoined(json -> json.put("joinedOn", "12.12.2025"))).path());
        assertEquals("/municipalityType",
                single(validateBrokenMemberJoined(json -> json.put("municipalityType", "DORF"))).path());
        assertEquals("/population",
                single(validateBrokenMemberJoined(json -> json.put("population", -1))).path());
    }

    @Test
    void severalViolationsAreAllReported() {
        List<SchemaViolation> violations = validateBrokenMemberJoined(json -> {
            json.remove("joinedOn");
            json.put("land", "17");
            json.put("officialKey", "abc");
        });

        Set<String> fields = violations.stream().map(SchemaViolation::field).collect(Collectors.toSet());
        assertEquals(Set.of("joinedOn", "land", "officialKey"), fields);
    }

    @Test
    void addedOptionalFieldsAndNullForNullableFieldsAreAccepted() {
        assertTrue(validateBrokenMemberJoined(json -> json.put("website", "https://www.heilbronn.de")).isEmpty());
        assertTrue(validateBrokenMemberJoined(json -> {
            json.putNull("ars");
            json.putNull("population");
        }).isEmpty());
    }

    @Test
    void wrongTimeFormatIsRejectedForInstants() {
        ObjectNode json = (ObjectNode) EventJson.toTree(SamplePayloads.all().get(EventType.MEMBER_SUSPENDED));
        json.put("suspendedAt", "2026-02-03 10:15");
        assertEquals("/suspendedAt", single(EventSchemas.validate(EventType.MEMBER_SUSPENDED, json)).path());
    }

    @Test
    void invalidJsonAndUnknownTypesAreReported() {
        List<SchemaViolation> violations = EventSchemas.validate(MemberJoined.TYPE, "{\"a\":".getBytes(StandardCharsets.UTF_8));
        assertEquals("json", single(violations).keyword());

        assertThrows(UnknownEventTypeException.class,
                () -> EventSchemas.validate("de.govtech.nothing.v1", "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void requireValidThrowsWithAllViolations() {
        ObjectNode json = (ObjectNode) EventJson.toTree(SamplePayloads.memberJoined());
        json.put("land", "17");
        EventSchemaViolationException e = assertThrows(EventSchemaViolationException.class,
                () -> EventSchemas.requireValid(MemberJoined.TYPE, EventJson.toBytes(json)));
        assertEquals(MemberJoined.TYPE, e.type());
        assertEquals("land", single(e.violations()).field());
        assertTrue(e.getMessage().contains("/land"), e.getMessage());

        EventSchemas.requireValid(MemberJoined.TYPE, EventJson.toBytes(SamplePayloads.memberJoined()));
    }

    private static List<SchemaViolation> validateBrokenMemberJoined(Consumer<ObjectNode> breakIt) {
        ObjectNode json = (ObjectNode) EventJson.toTree(SamplePayloads.memberJoined());
        breakIt.accept(json);
        return EventSchemas.validate(MemberJoined.TYPE, EventJson.toBytes(json));
    }

    private static SchemaViolation single(List<SchemaViolation> violations) {
        assertEquals(1, violations.size(), () -> "expected one violation, got " + violations);
        assertFalse(violations.get(0).message().isBlank());
        return violations.get(0);
    }
}
