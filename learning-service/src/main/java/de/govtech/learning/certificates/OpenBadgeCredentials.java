package de.govtech.learning.certificates;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A certificate as an Open Badges 3.0 {@code OpenBadgeCredential} (W3C VC Data Model 2.0) in VC-JWT form: the
 * credential's properties are the JWT claims, plus {@code iss} = issuer id, {@code jti} = credential id, {@code nbf} =
 * validFrom, {@code sub} = subject id; signed RS256 with the issuer key, {@code kid} as published in the JWK set.
 */
@ApplicationScoped
public class OpenBadgeCredentials {

    public static final String MEDIA_TYPE = "application/vc+jwt";
    static final List<String> CONTEXT = List.of("https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");

    private final CredentialsConfig config;
    private final SigningKeys keys;

    public OpenBadgeCredentials(CredentialsConfig config, SigningKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    public String issuerId() {
        return config.publicBaseUrl() + "/api/v1/learning/issuer";
    }

    public IssuerProfile issuer() {
        return new IssuerProfile(CONTEXT, issuerId(), List.of("Profile"), config.issuerName(), config.issuerUrl());
    }

    /** The signed VC-JWT of a certificate. */
    public String credential(Certificate certificate, String courseSummary) {
        String credentialId = "urn:uuid:" + certificate.id;
        String subjectId = "urn:uuid:" + learnerUuid(certificate.learnerId);
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", config.publicBaseUrl() + "/api/v1/learning/achievements/" + certificate.courseId);
        achievement.put("type", List.of("Achievement"));
        achievement.put("name", certificate.courseTitle);
        achievement.put("description", courseSummary);
        achievement.put("criteria", Map.of("narrative", "Kurs „" + certificate.courseTitle
                + "“ des Lernprogramms von " + config.issuerName() + " nach seinen Abschlusskriterien abgeschlossen."));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", subjectId);
        subject.put("type", List.of("AchievementSubject"));
        subject.put("name", certificate.holderName);
        subject.put("achievement", achievement);
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", issuerId());
        issuer.put("type", List.of("Profile"));
        issuer.put("name", config.issuerName());
        issuer.put("url", config.issuerUrl());

        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("@context", CONTEXT)
                .claim("id", credentialId)
                .claim("type", List.of("VerifiableCredential", "OpenBadgeCredential"))
                .claim("issuer", issuer)
                .claim("validFrom", certificate.issuedAt.toString())
                .claim("name", certificate.courseTitle)
                .claim("credentialSubject", subject)
                .issuer(issuerId())
                .jwtID(credentialId)
                .notBeforeTime(Date.from(certificate.issuedAt))
                .subject(subjectId)
                .build();
        RSAKey key = keys.signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing the credential failed", e);
        }
        return jwt.serialize();
    }

    private static UUID learnerUuid(String learnerId) {
        try {
            return UUID.fromString(learnerId);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(("govtech-learner:" + learnerId).getBytes(StandardCharsets.UTF_8));
        }
    }
}
