package de.govtech.learning.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "QuizAttempt", description = "A graded quiz attempt: the score, whether it passed, and which "
        + "questions were right",
        examples = """
        {"id": "a1c3e5f7-2b4d-4f6a-8c0e-1d3f5a7b9c02", "enrolmentId": "7d3e5f10-4a2b-4c6d-8e9f-1a2b3c4d5e60",
         "quizLessonId": "9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f61", "scorePercent": 100, "passed": true,
         "questions": [{"questionId": "2b1f7c1e-5d4a-4e0b-9c3d-8a7b6c5d4e3f", "correct": true}], "attemptedAt": "2026-02-24T13:05:00Z"}""")
public record AttemptView(
        UUID id,
        UUID enrolmentId,
        UUID quizLessonId,
        @Schema(examples = "80") int scorePercent,
        @Schema(examples = "true") boolean passed,
        List<QuizGrader.QuestionResult> questions,
        Instant attemptedAt) {
}
