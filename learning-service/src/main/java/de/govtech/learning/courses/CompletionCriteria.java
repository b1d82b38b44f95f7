package de.govtech.learning.courses;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "CompletionCriteria", description = "When a learner has completed the course: the criteria, combined "
        + "with ALL or ANY",
        examples = """
        {"aggregation": "ALL",
         "criteria": [{"type": "QUIZ_PASSED", "quizLessonId": "9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f61"}, {"type": "WORKSHOP_ATTENDED"}]}""")
public record CompletionCriteria(
        @NotNull @Schema(description = "ALL: every criterion must hold; ANY: one suffices") Aggregation aggregation,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Criterion> criteria) {

    public static final CompletionCriteria ALL_LESSONS =
            new CompletionCriteria(Aggregation.ALL, List.of(new Criterion(CriterionType.ALL_LESSONS, null)));

    @Schema(name = "CompletionAggregation", description = "ALL: every criterion must hold; ANY: one suffices")
    public enum Aggregation { ALL, ANY }

    @Schema(name = "CompletionCriterionType", description = "ALL_LESSONS, REQUIRED_LESSONS, QUIZ_PASSED (names quizLessonId), "
            + "WORKSHOP_ATTENDED")
    public enum CriterionType { ALL_LESSONS, REQUIRED_LESSONS, QUIZ_PASSED, WORKSHOP_ATTENDED }

    @Schema(name = "CompletionCriterion", description = "One completion criterion; QUIZ_PASSED names the quiz lesson",
            examples = """
            {"type": "QUIZ_PASSED", "quizLessonId": "9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f61"}""")
    public record Criterion(
            @NotNull CriterionType type,
            @Schema(description = "the QUIZ lesson that must be passed (QUIZ_PASSED only)") UUID quizLessonId) {
    }
}
