package de.govtech.learning.courses;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LessonKind", description = "TEXT (text), VIDEO (video link), LINK (external link), QUIZ (quiz)")
public enum LessonKind {
    TEXT,
    VIDEO,
    LINK,
    QUIZ
}
