package de.govtech.learning.recommendations;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** A published course recommended to a municipality because it introduces an app the municipality uses. */
@Schema(name = "Recommendation")
public record Recommendation(
        UUID municipalityId,
        UUID courseId,
        @Schema(examples = "buergerportal-einfuehrung") String slug,
        @Schema(examples = "Einführung in das Bürgerportal") String title,
        String summary,
        @Schema(examples = "PROZESSE") String topic,
        @Schema(examples = "EINSTIEG") String level,
        @Schema(examples = "SELF_PACED") String format,
        @Schema(description = "the municipality's provisioned apps this course introduces") List<UUID> appIds) {
}
