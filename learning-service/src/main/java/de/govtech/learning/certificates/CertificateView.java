package de.govtech.learning.certificates;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Certificate", description = "A certificate of course completion (an Open Badges 3.0 credential) as "
        + "its holder and their municipality see it",
        examples = """
        {"id": "8e4f6a21-5b3c-4d7e-9f0a-2b3c4d5e6f71", "enrolmentId": "7d3e5f10-4a2b-4c6d-8e9f-1a2b3c4d5e60",
         "courseId": "5b6f0b0e-3c0a-4a59-9f0c-2a1c6f1d9e01", "courseTitle": "KI-Grundlagen für die Verwaltung",
         "learnerId": "4f1c2d3e-1111-4aaa-9bbb-123456789abc", "holderName": "Erika Mustermann",
         "municipalityId": "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd", "verificationCode": "3f9a0c2e7b1d4e6f8a0b2c4d6e8f0a1b",
         "status": "ISSUED", "issuedAt": "2026-03-12T09:30:00Z"}""")
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
