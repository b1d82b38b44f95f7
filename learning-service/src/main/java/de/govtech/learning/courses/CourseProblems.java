package de.govtech.learning.courses;

import de.govtech.platform.support.problem.ProblemType;

/** Problem types of the course feature. */
public final class CourseProblems {

    public static final ProblemType SLUG_TAKEN = ProblemType.of("course-slug-taken", "Another course has this slug", 409);
    public static final ProblemType NOT_DRAFT = ProblemType.of("course-not-draft", "Only a draft course can be changed this way", 409);
    public static final ProblemType NOT_PUBLISHED = ProblemType.of("course-not-published", "The course is not published", 409);
    public static final ProblemType TOPIC_TAKEN = ProblemType.of("topic-taken", "The topic exists already", 409);

    private CourseProblems() {
    }
}
