package de.govtech.learning.reports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Kompetenzbericht: whose staff completed what — per topic and level, and per quarter. */
@Schema(name = "CompetenceReport")
public record CompetenceReport(
        @Schema(description = "the municipality reported on; absent: every municipality") UUID municipalityId,
        List<TopicLevel> byTopicAndLevel,
        List<Quarter> byQuarter,
        @Schema(description = "the detail rows, as in the CSV export") List<CompetenceRow> rows) {

    @Schema(name = "CompetenceByTopicAndLevel")
    public record TopicLevel(@Schema(examples = "KI") String topic, @Schema(examples = "EINSTIEG") String level,
                             @Schema(description = "distinct staff members trained", examples = "12") long learners,
                             @Schema(examples = "15") long completions) {
    }

    @Schema(name = "CompetenceByQuarter")
    public record Quarter(@Schema(examples = "2026-Q1") String quarter, @Schema(examples = "15") long completions) {
    }
}
