package de.govtech.learning.courses;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CourseLevel", description = "Niveau: EINSTIEG, FORTGESCHRITTEN or EXPERT")
public enum CourseLevel {
    EINSTIEG,
    FORTGESCHRITTEN,
    EXPERT
}
