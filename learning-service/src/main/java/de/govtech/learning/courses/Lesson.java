package de.govtech.learning.courses;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * A lesson: TEXT carries {@code text}; VIDEO and LINK carry an https {@code url}; QUIZ carries {@code quiz}.
 * {@code required} lessons count for the completion criterion REQUIRED_LESSONS.
 */
@Schema(name = "Lesson", description = "A lesson: TEXT carries text, VIDEO and LINK an https url, QUIZ a quiz; "
        + "required lessons count for REQUIRED_LESSONS",
        examples = """
        {"id": "9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f60", "title": "Was ist ein Sprachmodell?", "kind": "TEXT",
         "text": "Ein Sprachmodell sagt das nächste Wort voraus …", "required": true}""")
public record Lesson(
        @Schema(description = "kept when sent, assigned when absent", examples = "9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f60")
        UUID id,
        @NotBlank @Size(max = 200) @Schema(examples = "Was ist ein Sprachmodell?") String title,
        @NotNull LessonKind kind,
        @Size(max = 20000) @Schema(examples = "Ein Sprachmodell sagt das nächste Wort voraus …") String text,
        @Size(max = 2000) @Schema(examples = "https://media.govtech-kommunal.de/ki-grundlagen-1.mp4") String url,
        @Schema(description = "counts for REQUIRED_LESSONS", examples = "true") boolean required,
        @Valid Quiz quiz) {

    Lesson withIds() {
        return new Lesson(id == null ? UUID.randomUUID() : id, title.strip(), kind, text, url, required,
                quiz == null ? null : quiz.withIds());
    }
}
