package de.govtech.learning.reports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "CompetenceRow", description = "Completed courses of one municipality in one quarter, topic and level",
        examples = """
        {"municipalityId": "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd", "municipalityName": "Stadt Heilbronn", "quarter": "2026-Q1",
         "topic": "KI", "level": "EINSTIEG", "learners": 7, "completions": 9}""")
public record CompetenceRow(
        UUID municipalityId,
        @Schema(examples = "Stadt Heilbronn") String municipalityName,
        @Schema(description = "calendar quarter of completion (Europe/Berlin)", examples = "2026-Q1") String quarter,
        @Schema(examples = "KI") String topic,
        @Schema(examples = "EINSTIEG") String level,
        @Schema(description = "distinct staff members who completed", examples = "7") long learners,
        @Schema(description = "completed enrolments", examples = "9") long completions) {
}
