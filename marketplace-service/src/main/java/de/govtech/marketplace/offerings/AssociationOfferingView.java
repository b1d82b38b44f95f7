package de.govtech.marketplace.offerings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A solution of the association offered for reuse (Nachnutzung), as the public catalogue shows it. It has no vendor,
 * no plans and no broker: it is not ordered here; a member municipality asks to reuse it at {@code reuseRequestPath}.
 */
@Schema(name = "AssociationOffering", description = "A solution of GovTech Kommunal offered for reuse (Nachnutzung)", examples = """
        {"solutionId": "0b7f3c1e-9d2a-4c1e-8f3a-5d6e7f809a1b", "provider": "GovTech Kommunal", "name": "Digitaler Bauantrag",
         "shortDescription": "Bauanträge digital stellen und bearbeiten", "category": "Bauen & Wohnen", "licence": "EUPL-1.2",
         "repositoryUrl": "https://gitlab.opencode.de/govtech-kommunal/bauantrag", "developmentStatus": "stable",
         "reuseRequestPath": "/api/v1/solutions/solutions/0b7f3c1e-9d2a-4c1e-8f3a-5d6e7f809a1b/reuse-requests",
         "releasedAt": "2026-02-16T10:00:00Z"}""")
public record AssociationOfferingView(
        UUID solutionId,
        @Schema(examples = "GovTech Kommunal", description = "Always the association") String provider,
        @Schema(examples = "Digitaler Bauantrag") String name,
        @Schema(examples = "Bauanträge digital stellen und bearbeiten") String shortDescription,
        @Schema(examples = "Bauen & Wohnen") String category,
        @Schema(examples = "EUPL-1.2", description = "SPDX licence expression") String licence,
        @Schema(examples = "https://gitlab.opencode.de/govtech-kommunal/bauantrag") String repositoryUrl,
        @Schema(examples = "stable", description = "publiccode.yml developmentStatus") String developmentStatus,
        @Schema(examples = "/api/v1/solutions/solutions/0b7f3c1e-9d2a-4c1e-8f3a-5d6e7f809a1b/reuse-requests",
                description = "Where a member municipality asks to reuse the solution (POST, signed in)") String reuseRequestPath,
        Instant releasedAt) {

    static final String PROVIDER = "GovTech Kommunal";

    static AssociationOfferingView of(AssociationOffering o) {
        return new AssociationOfferingView(o.solutionId, PROVIDER, o.name, o.shortDescription, o.category, o.licence,
                o.repositoryUrl, o.developmentStatus, o.reuseRequestPath, o.releasedAt);
    }
}
