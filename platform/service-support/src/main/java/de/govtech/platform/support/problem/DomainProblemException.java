package de.govtech.platform.support.problem;

import java.util.List;

/**
 * Thrown by service code for an expected, client-caused outcome (404, 409, 422 …); the mapper turns it into
 * its {@link Problem}. It carries no stack trace: it is a result, not a fault.
 */
public class DomainProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType problemType;
    private final transient List<FieldError> errors;

    public DomainProblemException(ProblemType problemType, String detail) {
        this(problemType, detail, List.of());
    }

    /** A problem about one input field; the field error repeats {@code detail} as its message. */
    public DomainProblemException(ProblemType problemType, String detail, String field) {
        this(problemType, detail, field == null ? List.of() : List.of(new FieldError(field, detail)));
    }

    public DomainProblemException(ProblemType problemType, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.problemType = problemType;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** 404: e.g. {@code notFound("Municipality", id)} → "Municipality 42 was not found". */
    public static DomainProblemException notFound(String what, Object id) {
        return new DomainProblemException(ProblemType.NOT_FOUND, what + " " + id + " was not found");
    }

    public static DomainProblemException conflict(String detail) {
        return new DomainProblemException(ProblemType.CONFLICT, detail);
    }

    public static DomainProblemException forbidden(String detail) {
        return new DomainProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static DomainProblemException unprocessable(String detail, String field) {
        return new DomainProblemException(ProblemType.UNPROCESSABLE_CONTENT, detail, field);
    }

    public ProblemType problemType() {
        return problemType;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Problem toProblem() {
        return Problem.of(problemType, getMessage(), errors);
    }
}
