package de.govtech.learning.certificates;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "IssuerProfile", description = "The certificates' issuer as an Open Badges 3.0 Profile", examples = """
        {"@context": ["https://www.w3.org/ns/credentials/v2",
                      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "https://govtech-kommunal.de/api/v1/learning/issuer", "type": ["Profile"],
         "name": "GovTech Kommunal e.V.", "url": "https://govtech-kommunal.de"}""")
public record IssuerProfile(
        @JsonProperty("@context") @Schema(name = "@context") List<String> context,
        @Schema(examples = "https://govtech-kommunal.de/api/v1/learning/issuer") String id,
        @Schema(examples = "[\"Profile\"]") List<String> type,
        @Schema(examples = "GovTech Kommunal e.V.") String name,
        @Schema(examples = "https://govtech-kommunal.de") String url) {
}
