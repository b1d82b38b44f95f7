package de.govtech.platform.support.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.Problem;
import de.govtech.platform.support.problem.ProblemType;

class JsonErrorsTest {

    enum MunicipalityType {
        GEMEINDE, STADT, @JsonProperty("landkreis") LANDKREIS
    }

    record Ags(String value) {
        Ags {
            if (value == null || !value.matches("\\d{8}")) {
                throw new IllegalArgumentException("must have 8 digits");
            }
        }
    }

    record Member(String name, MunicipalityType type, int population, UUID id, LocalDate joined, Ags ags) {
    }

    record Register(List<Member> members, boolean founding) {
    }

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final JsonErrors errors = new JsonErrors(mapper);

    @Test
    void unknownEnumValueNamesThePathAndTheAllowedValues() {
        Problem problem = read("{\"members\":[{\"name\":\"Tengen\"},{\"type\":\"DORF\"}]}");

        assertEquals(ProblemType.VALIDATION_FAILED.type(), problem.type());
        assertEquals(List.of(new FieldError("members[1].type", "must be one of: GEMEINDE, STADT, landkreis")), problem.errors());
    }

    @Test
    void wrongTypesSayWhatIsExpected() {
        assertEquals(new FieldError("members[0].population", "must be an integer"),
                only(read("{\"members\":[{\"population\":\"many\"}]}")));
        assertEquals(new FieldError("founding", "must be true or false"), only(read("{\"founding\":\"yes\"}")));
        assertEquals(new FieldError("members[0].id", "must be a UUID"), only(read("{\"members\":[{\"id\":\"42\"}]}")));
        assertEquals(new FieldError("members[0].joined", "must be a date (YYYY-MM-DD)"),
                only(read("{\"members\":[{\"joined\":\"12.12.2025\"}]}")));
        assertEquals(new FieldError("members", "must be an array"), only(read("{\"members\":{}}")));
    }

    @Test
    void unknownPropertiesAreNamed() {
        assertEquals(new FieldError("members[0].nmae", "is not a known property"),
                only(read("{\"members\":[{\"nmae\":\"Brandis\"}]}")));
    }

    @Test
    void valueTypesRejectingInputExplainWhy() {
        assertEquals(new FieldError("members[0].ags", "must have 8 digits"),
                only(read("{\"members\":[{\"ags\":{\"value\":\"123\"}}]}")));
    }

    @Test
    void missingRequiredCreatorPropertiesAreNamed() {
        ObjectMapper strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> strict.readValue("{\"members\":[{\"name\":\"Tholey\"}]}", Register.class));

        Problem problem = new JsonErrors(strict).toProblem(e);

        assertTrue(problem.errors().get(0).message().equals("is required"), problem.toString());
        assertTrue(problem.errors().get(0).field().startsWith("members[0]."), problem.toString());
    }

    @Test
    void malformedJsonIsAMalformedRequestWithItsLocation() {
        Problem problem = read("{\"members\": [\n{\"name\": \"Eschwege\",,}]}");

        assertEquals(ProblemType.MALFORMED_REQUEST.type(), problem.type());
        assertEquals(400, problem.status());
        assertTrue(problem.detail().startsWith("The request body is not valid JSON (line 2, column"), problem.detail());
        assertTrue(problem.errors().isEmpty());
    }

    @Test
    void aBodyOfTheWrongShapeAsAWholeHasNoField() {
        Problem problem = read("[1, 2]");

        assertEquals(ProblemType.VALIDATION_FAILED.type(), problem.type());
        assertEquals("The request body must be an object.", problem.detail());
    }

    @Test
    void typesJacksonCannotBuildAreTheServersFault() {
        class NoCreator {
            private NoCreator(String unusable) {
            }
        }
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readValue("{}", NoCreator.class));

        assertNull(errors.toProblem(e));
    }

    private Problem read(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, Register.class));
        return errors.toProblem(e);
    }

    private static FieldError only(Problem problem) {
        assertEquals(1, problem.errors().size(), problem.toString());
        return problem.errors().get(0);
    }
}
