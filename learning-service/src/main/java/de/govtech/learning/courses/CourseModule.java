package de.govtech.learning.courses;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "CourseModule", description = "A module (Kapitel) of a course: an ordered list of lessons",
        examples = """
        {"id": "3f0c1e52-8a43-4c56-9d0e-5c1b7b2a9e10", "title": "Grundlagen",
         "lessons": [{"id": "9a1d4a7e-2c1b-4f5e-8d3a-1b2c3d4e5f60", "title": "Was ist ein Sprachmodell?", "kind": "TEXT",
           "text": "Ein Sprachmodell sagt das nächste Wort voraus …", "required": true}]}""")
public record CourseModule(
        @Schema(description = "kept when sent, assigned when absent", examples = "3f0c1e52-8a43-4c56-9d0e-5c1b7b2a9e10")
        UUID id,
        @NotBlank @Size(max = 200) @Schema(examples = "Grundlagen") String title,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Lesson> lessons) {

    CourseModule withIds() {
        return new CourseModule(id == null ? UUID.randomUUID() : id, title.strip(),
                lessons.stream().map(Lesson::withIds).toList());
    }
}
