package de.govtech.learning.certificates;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.govtech.learning.LearningFixtures;
import de.govtech.learning.courses.Course;
import de.govtech.learning.courses.CourseFixtures;
import de.govtech.learning.courses.CourseFormat;
import de.govtech.learning.enrolments.EnrolmentFixtures;
import de.govtech.platform.events.learning.CertificateIssued;
import de.govtech.platform.events.learning.CertificateRevoked;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static de.govtech.learning.LearningFixtures.BASE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Certificates: the holder, their municipality's admin and platform admins see them; the public verifies them by code
 * (JSON and HTML, holder/course/date/issuer/status only); the VC-JWT verifies with the published key, a tampered one
 * does not; revocation shows.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "learning"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class CertificateTest {

    static final String CERTIFICATES = BASE + "/certificates";
    static final String MEMBER = "bc2c0000-0000-4000-8000-00000000000a";
    static final String OTHER = "bc2c0000-0000-4000-8000-00000000000b";
    static final String HOLDER = "c3d4e5f6-0000-4000-8000-000000000001";

    static Certificate own;

    @BeforeEach
    void seed() {
        if (own == null) {
            LearningFixtures.activeMember(MEMBER);
            Course course = CourseFixtures.published("zertifikat-kurs", "Sicher <arbeiten> & mehr", CourseFormat.SELF_PACED);
            own = CertificateFixtures.issued(UUID.fromString(EnrolmentFixtures.enrolled(MEMBER, course.id, null, HOLDER)));
        }
    }

    @Test
    void aCertificateIsIssuedWithARandomCodeAndItsEvent() {
        assertTrue(own.verificationCode.matches("[0-9a-f]{32}"), own.verificationCode);
        assertEquals(1, LearningFixtures.outboxEvents(CertificateIssued.TYPE, own.id));
    }

    @Test
    void anyoneVerifiesByCodeSeeingHolderCourseDateIssuerAndStatusOnly() {
        Map<String, Object> json = given().accept(ContentType.JSON).get(BASE + "/verifications/" + own.verificationCode)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath().getMap("$");
        assertEquals(Set.of("holderName", "courseTitle", "issuedOn", "issuerName", "status"), json.keySet());
        assertEquals("Name " + HOLDER, json.get("holderName"));
        assertEquals("ISSUED", json.get("status"));
        given().get(BASE + "/verifications/" + own.verificationCode).then().statusCode(200)
                .contentType(ContentType.JSON).body("courseTitle", equalTo("Sicher <arbeiten> & mehr"));

        String html = given().accept(ContentType.HTML).get(BASE + "/verifications/" + own.verificationCode)
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("<html lang=\"de\">"), html);
        assertTrue(html.contains("<title>") && html.contains("<main>") && html.contains("<h1>") && html.contains("<dl>"), html);
        assertTrue(html.contains("Sicher &lt;arbeiten&gt; &amp; mehr"), html);
        assertFalse(html.contains("<arbeiten>"), html);
        assertFalse(html.contains(HOLDER.substring(0, 8) + "-0000-4000") && html.contains("learnerId"), html);

        given().get(BASE + "/verifications/" + "0".repeat(32)).then().statusCode(404)
                .contentType("application/problem+json");
        given().get(BASE + "/verifications/kein-code").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = HOLDER, roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void theHoldersCredentialVerifiesWithThePublishedKeyAndATamperedOneDoesNot() throws Exception {
        String jwt = given().accept("application/vc+jwt").get(CERTIFICATES + "/" + own.id + "/credential")
                .then().statusCode(200).contentType(containsString("application/vc+jwt")).extract().asString();
        String jwks = given().get(BASE + "/issuer/jwks").then().statusCode(200).extract().asString();
        Map<String, Object> issuer = given().get(BASE + "/issuer").then().statusCode(200)
                .body("type", hasItem("Profile")).extract().jsonPath().getMap("$");

        SignedJWT parsed = SignedJWT.parse(jwt);
        assertEquals("RS256", parsed.getHeader().getAlgorithm().getName());
        RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(parsed.getHeader().getKeyID());
        assertNotNull(key, "the header's kid is in the published JWK set");
        assertFalse(key.isPrivate(), "only the public key is published");
        assertTrue(parsed.verify(new RSASSAVerifier(key)));

        JWTClaimsSet claims = parsed.getJWTClaimsSet();
        assertEquals(List.of("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
                claims.getStringListClaim("@context"));
        assertTrue(claims.getStringListClaim("type").containsAll(List.of("VerifiableCredential", "OpenBadgeCredential")));
        assertEquals("urn:uuid:" + own.id, claims.getStringClaim("id"));
        assertEquals(claims.getStringClaim("id"), claims.getJWTID());
        Map<String, Object> credentialIssuer = claims.getJSONObjectClaim("issuer");
        assertEquals(issuer.get("id"), credentialIssuer.get("id"));
        assertEquals(credentialIssuer.get("id"), claims.getIssuer());
        assertTrue(((List<?>) credentialIssuer.get("type")).contains("Profile"));
        assertNotNull(credentialIssuer.get("name"));
        assertNotNull(claims.getStringClaim("validFrom"));
        assertEquals(own.issuedAt.getEpochSecond(), claims.getNotBeforeTime().toInstant().getEpochSecond());
        assertNotNull(claims.getStringClaim("name"));
        Map<String, Object> subject = claims.getJSONObjectClaim("credentialSubject");
        assertEquals("urn:uuid:" + HOLDER, subject.get("id"));
        assertEquals(subject.get("id"), claims.getSubject());
        assertTrue(((List<?>) subject.get("type")).contains("AchievementSubject"));
        Map<?, ?> achievement = (Map<?, ?>) subject.get("achievement");
        assertTrue(((List<?>) achievement.get("type")).contains("Achievement"));
        assertNotNull(achievement.get("id"));
        assertNotNull(achievement.get("name"));
        assertNotNull(achievement.get("description"));
        assertNotNull(((Map<?, ?>) achievement.get("criteria")).get("narrative"));

        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Name " + HOLDER, "Mallory");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertFalse(SignedJWT.parse(tampered).verify(new RSASSAVerifier(key)));

        given().get(CERTIFICATES).then().statusCode(200).body("items.id", hasItem(own.id.toString()));
        given().get(CERTIFICATES + "/" + own.id).then().statusCode(200).body("verificationCode", equalTo(own.verificationCode));
        given().post(CERTIFICATES + "/" + own.id + "/revoke").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "anna.admin", roles = "municipality-admin")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void theMunicipalityAdminSeesItsStaffsCertificates() {
        given().get(CERTIFICATES).then().statusCode(200).body("items.id", hasItem(own.id.toString()));
        given().get(CERTIFICATES + "/" + own.id + "/credential").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "otto.other", roles = {"municipality-admin", "municipality-staff"})
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = OTHER))
    void anotherMunicipalitySeesNothingOfIt() {
        given().get(CERTIFICATES).then().statusCode(200).body("items.id", not(hasItem(own.id.toString())));
        given().get(CERTIFICATES + "/" + own.id).then().statusCode(404);
        given().get(CERTIFICATES + "/" + own.id + "/credential").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "kollege", roles = "municipality-staff")
    @OidcSecurity(claims = @Claim(key = "municipality_id", value = MEMBER))
    void aColleagueSeesNothingOfIt() {
        given().get(CERTIFICATES + "/" + own.id).then().statusCode(404);
        given().get(CERTIFICATES).then().statusCode(200).body("items.id", not(hasItem(own.id.toString())));
    }

    @Test
    @TestSecurity(user = "paula.admin", roles = "platform-admin")
    void aPlatformAdminRevokesAndVerificationSaysSo() {
        Course course = CourseFixtures.published("zertifikat-widerruf", "Widerruf", CourseFormat.SELF_PACED);
        Certificate revoked = CertificateFixtures.issued(UUID.fromString(
                EnrolmentFixtures.enrolled(MEMBER, course.id, null, "widerruf-" + UUID.randomUUID())));
        given().contentType(ContentType.JSON).body("{\"reason\": \"" + "x".repeat(501) + "\"}")
                .post(CERTIFICATES + "/" + revoked.id + "/revoke").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body("{\"reason\": \"Irrtümlich ausgestellt\"}")
                .post(CERTIFICATES + "/" + revoked.id + "/revoke").then().statusCode(200).body("status", equalTo("REVOKED"));
        assertEquals(1, LearningFixtures.outboxEvents(CertificateRevoked.TYPE, revoked.id));
        given().post(CERTIFICATES + "/" + revoked.id + "/revoke").then().statusCode(409).body("type", endsWith("/certificate-revoked"));
        given().get(BASE + "/verifications/" + revoked.verificationCode).then().statusCode(200).body("status", equalTo("REVOKED"));
        assertTrue(given().accept(ContentType.HTML).get(BASE + "/verifications/" + revoked.verificationCode).then()
                .extract().asString().contains("Widerrufen"));
        given().get(CERTIFICATES + "/" + revoked.id + "/credential").then().statusCode(409);
        given().get(CERTIFICATES + "/" + own.id).then().statusCode(200);
        given().post(CERTIFICATES + "/" + UUID.randomUUID() + "/revoke").then().statusCode(404);
    }

    @Test
    void anonymousCallersGet401ButVerifyAndSeeTheIssuer() {
        given().get(CERTIFICATES).then().statusCode(401);
        given().get(CERTIFICATES + "/" + own.id + "/credential").then().statusCode(401);
        given().post(CERTIFICATES + "/" + own.id + "/revoke").then().statusCode(401);
        given().get(BASE + "/issuer").then().statusCode(200).body("name", equalTo("GovTech Kommunal e.V."));
        given().get(BASE + "/issuer/jwks").then().statusCode(200).body("keys[0].kty", equalTo("RSA"))
                .body("keys[0]", not(org.hamcrest.Matchers.hasKey("d")));
    }
}
