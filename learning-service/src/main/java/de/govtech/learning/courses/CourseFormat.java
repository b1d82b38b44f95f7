package de.govtech.learning.courses;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CourseFormat", description = "SELF_PACED (Selbstlernkurs), LIVE_WORKSHOP, or BLENDED (both)")
public enum CourseFormat {
    SELF_PACED,
    LIVE_WORKSHOP,
    BLENDED;

    public boolean hasWorkshops() {
        return this != SELF_PACED;
    }
}
