package de.govtech.learning.reports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "CompetenceReport", description = "Kompetenzbericht: whose staff completed what, per topic and level "
        + "and per quarter",
        examples = """
        {"municipalityId": "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd",
         "byTopicAndLevel": [{"topic": "KI", "level": "EINSTIEG", "learners": 7, "completions": 9}],
         "byQuarter": [{"quarter": "2026-Q1", "completions": 9}],
         "rows": [{"municipalityId": "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd", "municipalityName": "Stadt Heilbronn", "quarter": "2026-Q1",
           "topic": "KI", "level": "EINSTIEG", "learners": 7, "completions": 9}]}""")
public record CompetenceReport(
        @Schema(description = "the municipality reported on; absent: every municipality") UUID municipalityId,
        List<TopicLevel> byTopicAndLevel,
        List<Quarter> byQuarter,
        @Schema(description = "the detail rows, as in the CSV export") List<CompetenceRow> rows) {

    @Schema(name = "CompetenceByTopicAndLevel", description = "Completions and distinct staff members trained for "
            + "one topic and level",
            examples = """
            {"topic": "KI", "level": "EINSTIEG", "learners": 7, "completions": 9}""")
    public record TopicLevel(@Schema(examples = "KI") String topic, @Schema(examples = "EINSTIEG") String level,
                             @Schema(description = "distinct staff members trained", examples = "12") long learners,
                             @Schema(examples = "15") long completions) {
    }

    @Schema(name = "CompetenceByQuarter", description = "Completions in one calendar quarter", examples = """
            {"quarter": "2026-Q1", "completions": 9}""")
    public record Quarter(@Schema(examples = "2026-Q1") String quarter, @Schema(examples = "15") long completions) {
    }
}
