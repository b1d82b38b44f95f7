package de.govtech.learning.courses;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Niveau: Einstieg, Fortgeschritten, Expert. */
@Schema(name = "CourseLevel")
public enum CourseLevel {
    EINSTIEG,
    FORTGESCHRITTEN,
    EXPERT
}
