package de.govtech.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static de.govtech.systemtests.DevUsers.ESCHWEGE_ADMIN;
import static de.govtech.systemtests.DevUsers.HEILBRONN_STAFF;
import static de.govtech.systemtests.DevUsers.LEARNING_EDITOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The learning programme through the gateway, each step by the user who does it: an editor of the association
 * writes and publishes a course, staff of a member municipality find it, enrol and complete it, a certificate is
 * issued, and anyone verifies it without logging in — as JSON, as the page a real browser renders, and as an Open
 * Badges 3.0 credential whose signature a verifier checks against the issuer's published key. Another
 * municipality's admin never sees the certificate.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearningJourneyIT {

    private static final String LEARNING = "/api/v1/learning";
    private static final Duration PROJECTION = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformStack stack;
    private final Gateway gateway;
    private final String slug = "phishing-erkennen-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private boolean anEarlierStepFailed;

    private String courseId;
    private String lessonId;
    private String enrolmentId;
    private JsonNode certificate;

    @RegisterExtension
    final TestWatcher stopAfterAFailedStep = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            anEarlierStepFailed = true;
        }
    };

    LearningJourneyIT(PlatformStack stack) {
        this.stack = stack;
        this.gateway = stack.gateway();
    }

    @Test
    @Order(1)
    void anEditorWritesAndPublishesACourse() {
        String editor = stack.tokenOf(LEARNING_EDITOR);
        ApiResponse created = gateway.post(LEARNING + "/courses", editor, course()).assertStatus(201);
        courseId = created.createdId();
        lessonId = created.json().path("modules").path(0).path("lessons").path(0).path("id").asText();
        assertFalse(lessonId.isBlank(), created.toString());

        gateway.post(LEARNING + "/courses/" + courseId + "/publish", editor, null).assertSuccess();
    }

    @Test
    @Order(2)
    void staffOfAMemberFindItInTheCatalogue() {
        stepsBeforePassed();
        String staff = stack.tokenOf(HEILBRONN_STAFF);
        // learning knows Heilbronn as a member once its member-joined has arrived over Kafka
        ApiResponse found = Await.until(() -> gateway.get(LEARNING + "/catalogue/courses?q=Phishing&size=100", staff),
                r -> r.status() == 200 && r.json().path("items").findValuesAsText("slug").contains(slug), PROJECTION);
        assertTrue(found.json().path("items").findValuesAsText("slug").contains(slug), found.toString());
    }

    @Test
    @Order(3)
    void theyEnrolAndCompleteItAndGetACertificate() {
        stepsBeforePassed();
        String staff = stack.tokenOf(HEILBRONN_STAFF);
        ApiResponse enrolled = gateway.post(LEARNING + "/enrolments", staff,
                JSON.createObjectNode().put("courseId", courseId)).assertStatus(201);
        enrolmentId = enrolled.createdId();
        assertEquals("ENROLLED", enrolled.json().path("status").asText(), enrolled.toString());

        ApiResponse completed = gateway.post(LEARNING + "/enrolments/" + enrolmentId + "/lessons/" + lessonId + "/complete",
                staff, null).assertStatus(200);
        assertEquals("COMPLETED", completed.json().path("status").asText(), completed.toString());

        ApiResponse mine = gateway.get(LEARNING + "/certificates?size=100", staff).assertStatus(200);
        certificate = find(mine.json().path("items"), "courseId", courseId);
        assertEquals("ISSUED", certificate.path("status").asText(), mine.toString());
        assertTrue(certificate.path("verificationCode").asText().matches("[0-9a-f]{32}"), certificate.toString());
    }

    @Test
    @Order(4)
    void anotherMunicipalitysAdminDoesNotSeeIt() {
        stepsBeforePassed();
        gateway.get(LEARNING + "/certificates/" + certificate.path("id").asText(), stack.tokenOf(ESCHWEGE_ADMIN))
                .assertStatusIn(403, 404);
    }

    @Test
    @Order(5)
    void anyoneVerifiesTheCertificateWithoutLoggingIn() {
        stepsBeforePassed();
        ApiResponse verification = gateway.get(LEARNING + "/verifications/" + certificate.path("verificationCode").asText(), null)
                .assertStatus(200);
        JsonNode json = verification.json();
        assertEquals("ISSUED", json.path("status").asText(), verification.toString());
        assertEquals("Phishing erkennen", json.path("courseTitle").asText(), verification.toString());
        assertEquals("Stefan Heilbronn-Dev", json.path("holderName").asText(), verification.toString());
        List<String> shown = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(shown::add);
        assertEquals(List.of("courseTitle", "holderName", "issuedOn", "issuerName", "status"), shown.stream().sorted().toList(),
                "holder, course, date, issuer and status, nothing else");
    }

    @Test
    @Order(6)
    void aRealBrowserShowsTheVerificationPage() throws Exception {
        stepsBeforePassed();
        String dom = HeadlessBrowser.dumpDom(stack.gatewayUrl() + LEARNING + "/verifications/"
                + certificate.path("verificationCode").asText());
        assertTrue(dom.contains("lang=\"de\""), dom);
        assertTrue(dom.contains("<main"), dom);
        assertTrue(dom.contains("Phishing erkennen"), dom);
        assertTrue(dom.contains("Stefan Heilbronn-Dev"), dom);
    }

    @Test
    @Order(7)
    void theOpenBadgeVerifiesAgainstTheIssuersPublishedKeyAndATamperedOneDoesNot() {
        stepsBeforePassed();
        ApiResponse credential = gateway.exchange("GET", LEARNING + "/certificates/" + certificate.path("id").asText()
                + "/credential", stack.tokenOf(HEILBRONN_STAFF), "application/vc+jwt", null, null).assertStatus(200);
        JsonNode jwks = gateway.get(LEARNING + "/issuer/jwks", null).assertStatus(200).json();

        VcJwt vc = VcJwt.parse(credential.body());
        assertEquals("RS256", vc.header().path("alg").asText());
        assertTrue(vc.verifiesWith(jwks), "the signature verifies with the published key");
        JsonNode payload = vc.payload();
        JsonNode types = payload.has("vc") ? payload.path("vc").path("type") : payload.path("type");
        assertTrue(types.toString().contains("OpenBadgeCredential"), payload.toString());
        assertTrue(payload.toString().contains("Phishing erkennen"), payload.toString());

        ObjectNode tampered = payload.deepCopy();
        tampered.put("jti", "urn:uuid:00000000-0000-4000-8000-000000000000");
        assertFalse(vc.withPayload(tampered).verifiesWith(jwks), "a tampered credential fails verification");
    }

    private ObjectNode course() {
        ObjectNode course = JSON.createObjectNode()
                .put("slug", slug)
                .put("title", "Phishing erkennen")
                .put("summary", "Betrügerische E-Mails erkennen und richtig melden")
                .put("description", "Ein kurzer Selbstlernkurs für alle Beschäftigten: woran man Phishing erkennt und wem man es meldet.")
                .put("topic", "CYBERSECURITY")
                .put("level", "EINSTIEG")
                .put("format", "SELF_PACED")
                .put("expectedHours", 0.5)
                .put("language", "de");
        course.putArray("modules").addObject().put("title", "Grundlagen").putArray("lessons").addObject()
                .put("title", "Typische Merkmale").put("kind", "TEXT").put("required", true)
                .put("text", "Absender prüfen, Links nicht anklicken, im Zweifel die IT fragen.");
        return course;
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " = " + value + " in " + items);
    }

    private void stepsBeforePassed() {
        assumeFalse(anEarlierStepFailed, "an earlier step of the journey failed");
    }
}
