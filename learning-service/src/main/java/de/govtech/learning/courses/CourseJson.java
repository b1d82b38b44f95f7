package de.govtech.learning.courses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/** The JSON columns of a course (modules with lessons, completion criteria). */
final class CourseJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<CourseModule>> MODULES = new TypeReference<>() {
    };

    private CourseJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("course content is not serialisable", e);
        }
    }

    static List<CourseModule> modules(String json) {
        try {
            return MAPPER.readValue(json, MODULES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored course modules are unreadable", e);
        }
    }

    static CompletionCriteria completion(String json) {
        try {
            return MAPPER.readValue(json, CompletionCriteria.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored completion criteria are unreadable", e);
        }
    }
}
