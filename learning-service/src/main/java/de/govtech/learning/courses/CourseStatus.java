package de.govtech.learning.courses;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Entwurf → veröffentlicht → archiviert. Only published courses are in the catalogue and open for enrolment. */
@Schema(name = "CourseStatus", description = "DRAFT (Entwurf), PUBLISHED (veröffentlicht), ARCHIVED (archiviert)")
public enum CourseStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED
}
