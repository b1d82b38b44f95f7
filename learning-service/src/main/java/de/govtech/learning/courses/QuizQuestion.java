package de.govtech.learning.courses;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "QuizQuestion")
public record QuizQuestion(
        @Schema(description = "kept when sent, assigned when absent") UUID id,
        @NotBlank @Size(max = 1000) @Schema(examples = "Welche Daten dürfen in ein öffentliches KI-Werkzeug?") String text,
        @NotNull QuestionType type,
        @NotNull @Size(min = 2, max = 10) List<@NotNull @Valid AnswerOption> options) {

    QuizQuestion withIds() {
        return new QuizQuestion(id == null ? UUID.randomUUID() : id, text.strip(), type,
                options.stream().map(AnswerOption::withIds).toList());
    }
}
