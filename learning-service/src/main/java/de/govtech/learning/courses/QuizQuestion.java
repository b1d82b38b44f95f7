package de.govtech.learning.courses;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "QuizQuestion", description = "A quiz question with its answer options, the correct ones marked "
        + "(authoring view)",
        examples = """
        {"id": "2b1f7c1e-5d4a-4e0b-9c3d-8a7b6c5d4e3f", "text": "Welche Daten dürfen in ein öffentliches KI-Werkzeug?",
         "type": "SINGLE_CHOICE",
         "options": [{"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c51", "text": "Nur öffentlich zugängliche Informationen", "correct": true},
                     {"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c52", "text": "Auszüge aus dem Melderegister", "correct": false}]}""")
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
