package de.govtech.platform.events.learning;

import de.govtech.platform.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A certificate was revoked; its public verification says so from now on. Aggregate: the certificate. */
public record CertificateRevoked(
        UUID certificateId,
        UUID courseId,
        String learnerId,
        UUID municipalityId,
        String verificationCode,
        String reason,
        Instant revokedAt) implements EventPayload {

    public static final String TYPE = "de.govtech.learning.certificate-revoked.v1";

    public CertificateRevoked {
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(verificationCode, "verificationCode");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    @Override
    public String aggregateId() {
        return certificateId.toString();
    }
}
