package de.govtech.marketplace.listings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body to create or change a listing: its slug, its public content and the vendor's Open Service Broker endpoint.
 * The broker's credentials are write-only; its URL is shown only to the owning vendor and platform admins.
 */
@Schema(name = "ListingRequest", description = "A listing's slug, public content and broker endpoint", examples = """
        {"slug": "buergerportal-plus",
         "content": """ + ListingContent.CONTENT_EXAMPLE + """
        ,
         "broker": {"url": "https://broker.example.de/osb", "username": "marketplace", "password": "REPLACE-WITH-BROKER-PASSWORD"}}""")
public record ListingRequest(
        @NotNull @Size(min = 3, max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be kebab-case: lower-case letters and digits joined by single hyphens")
        @Schema(description = "unique URL name; may change only before the first publication", examples = "buergerportal-plus") String slug,
        @NotNull @Valid ListingContent content,
        @Valid @Schema(description = "write-only; required when creating, omit to keep the current one") Broker broker) {

    /** The vendor's Open Service Broker (v2.17) endpoint and basic-auth credentials. */
    @Schema(name = "ListingBroker", description = "credentials write-only: stored, never returned; the URL must be "
            + "https on a public address (no user info, no loopback, private, link-local or metadata address)", examples = """
            {"url": "https://broker.example.de/osb", "username": "marketplace", "password": "REPLACE-WITH-BROKER-PASSWORD"}""")
    public record Broker(
            @NotNull @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
            @Schema(examples = "https://broker.example.de/osb") String url,
            @NotBlank @Size(max = 200) @Schema(examples = "marketplace") String username,
            @NotBlank @Size(max = 200) @Schema(examples = "REPLACE-WITH-BROKER-PASSWORD", writeOnly = true) String password) {

        @Override
        public String toString() {
            return "Broker[url=" + url + ", username=" + username + ", password=***]";
        }
    }
}
