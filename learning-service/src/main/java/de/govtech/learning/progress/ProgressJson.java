package de.govtech.learning.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/** The stored answers of a quiz attempt. */
final class ProgressJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<AttemptRequest.Answer>> ANSWERS = new TypeReference<>() {
    };

    private ProgressJson() {
    }

    static String write(List<AttemptRequest.Answer> answers) {
        try {
            return MAPPER.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers are not serialisable", e);
        }
    }

    static List<AttemptRequest.Answer> answers(String json) {
        try {
            return MAPPER.readValue(json, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers are unreadable", e);
        }
    }
}
