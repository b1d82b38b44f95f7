package de.govtech.solutions.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A solution's publiccode.yml: the raw document exactly as imported, and the facts read from it. */
@Entity
@Table(name = "solution_publiccode")
class PublicCode extends PanacheEntityBase {

    @Id
    @Column(name = "solution_id")
    public UUID solutionId;

    @Column(nullable = false)
    public String raw;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String licence;

    @Column(name = "development_status", nullable = false)
    public String developmentStatus;

    @Column(name = "software_type", nullable = false)
    public String softwareType;

    @Column(name = "short_description", nullable = false)
    public String shortDescription;

    @Column(name = "long_description", nullable = false)
    public String longDescription;

    @Column(name = "imported_by", nullable = false)
    public String importedBy;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    /** Stores a valid document for the solution, replacing an earlier one. */
    static PublicCode store(UUID solutionId, String raw, JsonNode document, String actor, Instant at) {
        PublicCode code = PublicCode.<PublicCode>findByIdOptional(solutionId).orElseGet(PublicCode::new);
        boolean isNew = code.solutionId == null;
        code.solutionId = solutionId;
        code.raw = raw;
        code.name = document.path("name").asText();
        code.url = document.path("url").asText();
        code.licence = document.path("legal").path("license").asText();
        code.developmentStatus = document.path("developmentStatus").asText();
        code.softwareType = document.path("softwareType").asText();
        JsonNode description = preferredLanguage(document.path("description"));
        code.shortDescription = description.path("shortDescription").asText();
        code.longDescription = description.path("longDescription").asText();
        code.importedBy = actor;
        code.importedAt = at;
        if (isNew) {
            code.persist();
        }
        return code;
    }

    /** German if present, else the first language of the document. */
    private static JsonNode preferredLanguage(JsonNode description) {
        if (description.has("de")) {
            return description.get("de");
        }
        Iterator<Map.Entry<String, JsonNode>> languages = description.fields();
        return languages.hasNext() ? languages.next().getValue() : description;
    }

    static Optional<PublicCode> of(UUID solutionId) {
        return findByIdOptional(solutionId);
    }
}
