package de.govtech.membership.shared;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.ProblemType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parses query parameters that JAX-RS would turn into a 404 when malformed (numbers, enums): here a malformed value
 * is a 400 {@code validation-failed} naming the parameter, with the allowed values.
 */
public final class QueryParams {

    private final List<FieldError> errors = new ArrayList<>();

    public Integer integer(String name, String value, boolean required, int min, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(name, "must not be empty"));
            }
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                errors.add(new FieldError(name, "must be between " + min + " and " + max));
                return null;
            }
            return parsed;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a whole number"));
            return null;
        }
    }

    public <E extends Enum<E>> E enumValue(String name, String value, boolean required, Class<E> type) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(name, "must not be empty"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
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
