package de.govtech.learning.shared;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.ProblemType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parses query parameters that JAX-RS would turn into a 404 when malformed (enums): here a malformed value is a 400
 * {@code validation-failed} naming the parameter and the allowed values.
 */
public final class QueryParams {

    private final List<FieldError> errors = new ArrayList<>();

    public <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    public java.util.UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be a UUID"));
            return null;
        }
    }

    /** Throws 400 naming every malformed parameter, if any. */
    public void requireValid() {
        if (!errors.isEmpty()) {
            throw new DomainProblemException(ProblemType.VALIDATION_FAILED,
                    "The request has " + errors.size() + " invalid value(s).", errors);
        }
    }
}
