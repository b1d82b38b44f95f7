package de.govtech.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Seeds the demo courses (one per topic, each with a workshop session) through the learning API with the token of
 * {@code dev-learning-editor}, idempotently: a course that exists is looked up by its slug, a draft gets its session
 * and is published, a published one is left alone.
 */
final class LearningSeeder {

    static final String EDITOR_USER = "dev-learning-editor";
    private static final int PAGE_SIZE = 100;

    private final ServiceApi api;
    private final Function<String, KeycloakLogin.AccessToken> login;
    private final Clock clock;

    LearningSeeder(ServiceApi api, Function<String, KeycloakLogin.AccessToken> login, Clock clock) {
        this.api = api;
        this.login = login;
        this.clock = clock;
    }

    /** Returns what it did, e.g. "5 courses published" or "nothing to do". */
    String seed() {
        String editor = login.apply(EDITOR_USER).value();
        List<String> published = new ArrayList<>();
        for (DemoCourses.DemoCourse course : DemoCourses.ALL) {
            JsonNode existing = ensureCreated(editor, course);
            if ("DRAFT".equals(existing.path("status").asText())) {
                String id = existing.path("id").asText();
                ensureSession(editor, id, course);
                ServiceApi.Answer publish = api.call("POST", "/courses/" + id + "/publish", editor, null);
                if (publish.status() >= 300) {
                    throw new SeedException("publishing demo course " + course.slug() + " failed: " + publish.describe());
                }
                published.add(course.slug());
            }
        }
        return published.isEmpty() ? "nothing to do" : published.size() + " courses published";
    }

    private JsonNode ensureCreated(String editor, DemoCourses.DemoCourse course) {
        ServiceApi.Answer created = api.call("POST", "/courses", editor, DemoCourses.request(course));
        if (created.is(201)) {
            return created.body();
        }
        if (!created.is(409)) {
            throw new SeedException("creating demo course " + course.slug() + " failed: " + created.describe());
        }
        return bySlug(editor, course.slug())
                .orElseThrow(() -> new SeedException("demo course " + course.slug() + " exists but is not listed"));
    }

    private Optional<JsonNode> bySlug(String editor, String slug) {
        for (int page = 0; ; page++) {
            ServiceApi.Answer answer = api.call("GET", "/courses?page=" + page + "&size=" + PAGE_SIZE, editor, null);
            if (!answer.is(200)) {
                throw new SeedException("listing courses failed: " + answer.describe());
            }
            for (JsonNode course : answer.body().path("items")) {
                if (slug.equals(course.path("slug").asText())) {
                    return Optional.of(course);
                }
            }
            if ((long) (page + 1) * PAGE_SIZE >= answer.body().path("total").asLong()) {
                return Optional.empty();
            }
        }
    }

    private void ensureSession(String editor, String courseId, DemoCourses.DemoCourse course) {
        ServiceApi.Answer sessions = api.call("GET", "/courses/" + courseId + "/sessions", editor, null);
        if (sessions.is(200) && sessions.body().size() > 0) { // a JSON array of the course's sessions
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin")));
        ServiceApi.Answer created = api.call("POST", "/courses/" + courseId + "/sessions", editor,
                DemoCourses.session(course, today));
        if (!created.is(201)) {
            throw new SeedException("scheduling the workshop of " + course.slug() + " failed: " + created.describe());
        }
    }
}
