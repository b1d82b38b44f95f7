package de.govtech.learning.courses;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Self-paced (Selbstlernkurs), live workshop, or blended (both). */
@Schema(name = "CourseFormat")
public enum CourseFormat {
    SELF_PACED,
    LIVE_WORKSHOP,
    BLENDED;

    public boolean hasWorkshops() {
        return this != SELF_PACED;
    }
}
