package de.govtech.learning.courses;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.govtech.learning.LearningFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;
import java.util.UUID;

/** Published courses written straight into the database, for tests whose caller is no author. */
public final class CourseFixtures {

    private CourseFixtures() {
    }

    /** A published course (idempotent per slug) with the lessons of {@link LearningFixtures#courseJson}. */
    public static Course published(String slug, String title, String topic, CourseLevel level, CourseFormat format,
                                   CompletionCriteria completion) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Course existing = Course.find("slug", slug).firstResult();
            if (existing != null) {
                return existing;
            }
            CourseRequest request = new ObjectMapper().readValue(
                    LearningFixtures.courseJson(slug, title, topic, level.name(), format.name()), CourseRequest.class);
            Course course = Course.draft(UUID.randomUUID(), request, "fixture", Instant.now());
            if (completion != null) {
                course.defineCompletion(completion, Instant.now());
            }
            course.publish(Instant.now());
            course.persist();
            return course;
        });
    }

    public static Course published(String slug, String title, CourseFormat format) {
        return published(slug, title, "KI", CourseLevel.EINSTIEG, format, null);
    }

    /** Fresh copy of a course from the database. */
    public static Course course(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Course.<Course>findById(id));
    }
}
