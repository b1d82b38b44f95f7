package de.govtech.learning.courses;

/** Entwurf → veröffentlicht → archiviert. Only published courses are in the catalogue and open for enrolment. */
public enum CourseStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED
}
