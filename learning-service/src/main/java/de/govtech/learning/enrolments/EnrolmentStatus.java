package de.govtech.learning.enrolments;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EnrolmentStatus", description = "ENROLLED (has a seat), WAITLISTED (waits for one), CANCELLED, COMPLETED")
public enum EnrolmentStatus {
    ENROLLED,
    WAITLISTED,
    CANCELLED,
    COMPLETED;

    public boolean isOpen() {
        return this == ENROLLED || this == WAITLISTED;
    }
}
