package de.govtech.learning.enrolments;

/** Who learns: the token subject and the name for the certificate. */
record Learner(String id, String name) {
}
