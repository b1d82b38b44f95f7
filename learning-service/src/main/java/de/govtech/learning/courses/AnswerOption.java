package de.govtech.learning.courses;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "AnswerOption", description = "An answer option of a quiz question; correct is only ever shown to "
        + "authors",
        examples = """
        {"id": "6c2e8a10-1b3d-4f5a-9c7e-0d1f2a3b4c51", "text": "Nur öffentlich zugängliche Informationen",
         "correct": true}""")
public record AnswerOption(
        @Schema(description = "kept when sent, assigned when absent") UUID id,
        @NotBlank @Size(max = 500) @Schema(examples = "Nur öffentlich zugängliche Informationen") String text,
        @Schema(examples = "true") boolean correct) {

    AnswerOption withIds() {
        return new AnswerOption(id == null ? UUID.randomUUID() : id, text.strip(), correct);
    }
}
