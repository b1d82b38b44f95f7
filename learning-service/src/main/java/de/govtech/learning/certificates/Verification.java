package de.govtech.learning.certificates;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "CertificateVerification", description = "What the public learns about a certificate from its "
        + "verification code: holder, course, date, issuer and status — nothing else",
        examples = """
        {"holderName": "Erika Mustermann", "courseTitle": "KI-Grundlagen für die Verwaltung", "issuedOn": "2026-03-12",
         "issuerName": "GovTech Kommunal e.V.", "status": "ISSUED"}""")
public record Verification(
        @Schema(examples = "Erika Mustermann") String holderName,
        @Schema(examples = "KI-Grundlagen für die Verwaltung") String courseTitle,
        @Schema(description = "date of issue (Europe/Berlin)", examples = "2026-03-12") LocalDate issuedOn,
        @Schema(examples = "GovTech Kommunal e.V.") String issuerName,
        @Schema(examples = "ISSUED") CertificateStatus status) {
}
