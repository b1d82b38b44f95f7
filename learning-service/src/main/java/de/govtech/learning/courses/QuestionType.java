package de.govtech.learning.courses;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "QuestionType", description = "SINGLE_CHOICE: exactly one option is correct; MULTIPLE_CHOICE: one or more")
public enum QuestionType {
    SINGLE_CHOICE,
    MULTIPLE_CHOICE
}
