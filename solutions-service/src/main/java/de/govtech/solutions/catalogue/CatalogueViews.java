package de.govtech.solutions.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the reuse catalogue. */
public final class CatalogueViews {

    private CatalogueViews() {
    }

    @Schema(name = "PublicCodeImport", description = "What was read from an imported publiccode.yml", examples = """
            {"solutionId": "0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11", "name": "Terminvergabe Bürgerbüro",
             "url": "https://gitlab.opencode.de/govtech-kommunal/terminvergabe.git", "licence": "EUPL-1.2",
             "developmentStatus": "stable", "softwareType": "standalone/web",
             "shortDescription": "Online-Terminvergabe für Bürgerbüros", "importedAt": "2026-11-30T10:00:00Z"}""")
    public record ImportView(UUID solutionId, String name, String url, String licence, String developmentStatus,
                             String softwareType, String shortDescription, Instant importedAt) {

        static ImportView of(PublicCode code) {
            return new ImportView(code.solutionId, code.name, code.url, code.licence, code.developmentStatus,
                    code.softwareType, code.shortDescription, code.importedAt);
        }
    }

    @Schema(name = "ReuseCatalogueEntry", description = "A solution available for reuse (Nachnutzung)", examples = """
            {"solutionId": "0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11", "title": "Digitale Terminvergabe Bürgerbüro",
             "category": "Bürgerservice", "leikaKeys": ["99115003001000"],
             "name": "Terminvergabe Bürgerbüro", "shortDescription": "Online-Terminvergabe für Bürgerbüros",
             "licence": "EUPL-1.2", "developmentStatus": "stable",
             "repositoryUrl": "https://gitlab.opencode.de/govtech-kommunal/terminvergabe.git",
             "publiccodePath": "/api/v1/solutions/solutions/0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11/publiccode",
             "reuseRequestPath": "/api/v1/solutions/solutions/0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11/reuse-requests",
             "releasedAt": "2026-11-30T12:00:00Z"}""")
    public record Entry(UUID solutionId, String title, String category, List<String> leikaKeys, String ozgReference,
                        @Schema(description = "from publiccode.yml; absent without one") String name,
                        @Schema(description = "from publiccode.yml; absent without one") String shortDescription,
                        String licence,
                        @Schema(description = "from publiccode.yml; absent without one") String developmentStatus,
                        @Schema(description = "from publiccode.yml; absent without one") String repositoryUrl,
                        @Schema(description = "export of the publiccode.yml; absent without one") String publiccodePath,
                        String reuseRequestPath, Instant releasedAt) {
    }

    @Schema(name = "ReuseCataloguePage", description = "One page of the reuse catalogue (the shared page shape)")
    public record ReuseCataloguePage(
            List<Entry> items,
            @Schema(description = "0-based page number", examples = "0") int page,
            @Schema(description = "page size", examples = "20") int size,
            @Schema(description = "number of items on all pages that the caller may see", examples = "42") long total) {

        public static ReuseCataloguePage of(de.govtech.platform.support.paging.Page<Entry> page) {
            return new ReuseCataloguePage(page.items(), page.page(), page.size(), page.total());
        }
    }
}
