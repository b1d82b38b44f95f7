package de.govtech.learning.certificates;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** What the public learns about a certificate: holder, course, date, issuer, status — nothing else. */
@Schema(name = "CertificateVerification", examples = """
        {"holderName": "Erika Mustermann", "courseTitle": "KI-Grundlagen für die Verwaltung", "issuedOn": "2026-03-12",
         "issuerName": "GovTech Kommunal e.V.", "status": "ISSUED"}""")
public record Verification(
        @Schema(examples = "Erika Mustermann") String holderName,
        @Schema(examples = "KI-Grundlagen für die Verwaltung") String courseTitle,
        @Schema(description = "date of issue (Europe/Berlin)", examples = "2026-03-12") LocalDate issuedOn,
        @Schema(examples = "GovTech Kommunal e.V.") String issuerName,
        @Schema(examples = "ISSUED") CertificateStatus status) {
}
