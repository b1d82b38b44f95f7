package de.govtech.learning.certificates;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Certificate")
public record CertificateView(
        UUID id,
        UUID enrolmentId,
        UUID courseId,
        @Schema(examples = "KI-Grundlagen für die Verwaltung") String courseTitle,
        @Schema(examples = "4f1c2d3e-1111-4aaa-9bbb-123456789abc") String learnerId,
        @Schema(examples = "Erika Mustermann") String holderName,
        UUID municipalityId,
        @Schema(description = "32 hex characters; anyone can check it at /verifications/{code}",
                examples = "3f9a0c2e7b1d4e6f8a0b2c4d6e8f0a1b") String verificationCode,
        CertificateStatus status,
        Instant issuedAt,
        Instant revokedAt,
        String revokeReason) {

    static CertificateView of(Certificate c) {
        return new CertificateView(c.id, c.enrolmentId, c.courseId, c.courseTitle, c.learnerId, c.holderName,
                c.municipalityId, c.verificationCode, c.status, c.issuedAt, c.revokedAt, c.revokeReason);
    }
}
