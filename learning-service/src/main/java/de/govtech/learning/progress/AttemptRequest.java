package de.govtech.learning.progress;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "QuizAttemptRequest", description = "A learner's answers to a quiz: per question the chosen options; "
        + "unanswered questions count as wrong",
        examples = """
        {"answers": [{"questionId": "2b1f7c1e-5d4a-4e0b-9c3d-8a7b6c5d4e3f", "optionIds": ["6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c51"]}]}""")
public record AttemptRequest(@NotNull @Size(max = 100) List<@NotNull @Valid Answer> answers) {

    @Schema(name = "QuizAnswer", description = "The options chosen for one question", examples = """
            {"questionId": "2b1f7c1e-5d4a-4e0b-9c3d-8a7b6c5d4e3f", "optionIds": ["6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c51"]}""")
    public record Answer(
            @NotNull @Schema(examples = "2b1f7c1e-5d4a-4e0b-9c3d-8a7b6c5d4e3f") UUID questionId,
            @NotNull @Size(max = 10) List<@NotNull UUID> optionIds) {
    }
}
