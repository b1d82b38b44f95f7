package de.govtech.learning.courses;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Quiz", description = "A quiz as its authors see it, with the correct answers: passed when the share "
        + "of correct questions reaches passMark",
        examples = """
        {"passMark": 80,
         "questions": [{"id": "2b1f7c1e-5d4a-4e0b-9c3d-8a7b6c5d4e3f", "text": "Welche Daten dürfen in ein öffentliches KI-Werkzeug?",
           "type": "SINGLE_CHOICE",
           "options": [{"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c51", "text": "Nur öffentlich zugängliche Informationen", "correct": true},
                       {"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c52", "text": "Auszüge aus dem Melderegister", "correct": false}]}]}""")
public record Quiz(
        @NotNull @Min(1) @Max(100) @Schema(description = "percent of questions answered correctly to pass", examples = "80")
        Integer passMark,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid QuizQuestion> questions) {

    Quiz withIds() {
        return new Quiz(passMark, questions.stream().map(QuizQuestion::withIds).toList());
    }
}
