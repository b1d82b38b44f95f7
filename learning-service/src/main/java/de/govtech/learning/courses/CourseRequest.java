package de.govtech.learning.courses;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Schema(name = "CourseRequest", description = "A course as an author writes it: creates a draft, or replaces a "
        + "draft's content",
        examples = """
        {"slug": "ki-grundlagen-verwaltung", "title": "KI-Grundlagen für die Verwaltung",
         "summary": "Was KI kann, was nicht, und was in der Verwaltung erlaubt ist",
         "description": "Der Kurs führt in Sprachmodelle ein und zeigt, welche Daten in KI-Werkzeuge dürfen.",
         "topic": "KI", "level": "EINSTIEG", "format": "BLENDED", "expectedHours": 4.5, "language": "de",
         "modules": [{"title": "Grundlagen", "lessons": [{"title": "Was ist ein Sprachmodell?", "kind": "TEXT",
           "text": "Ein Sprachmodell sagt das nächste Wort voraus …", "required": true}]}],
         "linkedAppIds": []}""")
public record CourseRequest(
        @NotBlank @Size(min = 3, max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'")
        @Schema(examples = "ki-grundlagen-verwaltung") String slug,
        @NotBlank @Size(max = 200) @Schema(examples = "KI-Grundlagen für die Verwaltung") String title,
        @NotBlank @Size(max = 500) @Schema(examples = "Was KI kann, was nicht, und was in der Verwaltung erlaubt ist") String summary,
        @NotBlank @Size(max = 20000) @Schema(examples = "Der Kurs führt in Sprachmodelle ein …") String description,
        @NotBlank @Size(max = 40) @Schema(description = "code of a managed topic (GET /topics)", examples = "KI") String topic,
        @NotNull CourseLevel level,
        @NotNull CourseFormat format,
        @NotNull @DecimalMin("0.5") @DecimalMax("999") @Schema(examples = "4.5") BigDecimal expectedHours,
        @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter ISO 639-1 code") @Schema(description = "default de", examples = "de")
        String language,
        @NotNull @Size(max = 30) List<@NotNull @Valid CourseModule> modules,
        @Size(max = 20) @Schema(description = "marketplace apps this course introduces") List<@NotNull UUID> linkedAppIds) {
}
