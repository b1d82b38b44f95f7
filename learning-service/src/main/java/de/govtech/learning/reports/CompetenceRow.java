package de.govtech.learning.reports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Completed courses of one municipality in one quarter, topic and level. */
@Schema(name = "CompetenceRow")
public record CompetenceRow(
        UUID municipalityId,
        @Schema(examples = "Stadt Heilbronn") String municipalityName,
        @Schema(description = "calendar quarter of completion (Europe/Berlin)", examples = "2026-Q1") String quarter,
        @Schema(examples = "KI") String topic,
        @Schema(examples = "EINSTIEG") String level,
        @Schema(description = "distinct staff members who completed", examples = "7") long learners,
        @Schema(description = "completed enrolments", examples = "9") long completions) {
}
