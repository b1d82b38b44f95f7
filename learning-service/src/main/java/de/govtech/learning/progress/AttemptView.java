package de.govtech.learning.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A graded attempt: the score, whether it passed, and which questions were right. */
@Schema(name = "QuizAttempt")
public record AttemptView(
        UUID id,
        UUID enrolmentId,
        UUID quizLessonId,
        @Schema(examples = "80") int scorePercent,
        @Schema(examples = "true") boolean passed,
        List<QuizGrader.QuestionResult> questions,
        Instant attemptedAt) {
}
