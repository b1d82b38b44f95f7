package de.govtech.learning.courses;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A quiz (authoring view, with the correct answers): passed when the share of correct questions reaches passMark. */
@Schema(name = "Quiz")
public record Quiz(
        @NotNull @Min(1) @Max(100) @Schema(description = "percent of questions answered correctly to pass", examples = "80")
        Integer passMark,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid QuizQuestion> questions) {

    Quiz withIds() {
        return new Quiz(passMark, questions.stream().map(QuizQuestion::withIds).toList());
    }
}
