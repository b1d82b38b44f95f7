package de.govtech.platform.events.learning;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A certificate was issued for a completed course. Aggregate: the certificate.
 *
 * @param learnerId        the learner's token subject ({@code sub} claim)
 * @param verificationCode code anyone can check at the public certificate verification endpoint
 */
public record CertificateIssued(
        UUID certificateId,
        UUID courseId,
        String learnerId,
        UUID municipalityId,
        String verificationCode,
        Instant issuedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.learning.certificate-issued.v1";

    public CertificateIssued {
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(verificationCode, "verificationCode");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    @Override
    public String aggregateId() {
        return certificateId.toString();
    }
}
