package de.govtech.solutions.shared;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.ProblemType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Parses enum query parameters: a malformed value is a 400 naming the parameter and the allowed values, not a 404. */
public final class QueryParams {

    private final List<FieldError> errors = new ArrayList<>();

    public <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    public String oneOf(String name, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value.trim())) {
            errors.add(new FieldError(name, "must be one of " + allowed));
            return null;
        }
        return value.trim();
    }

    /** Throws 400 naming every malformed parameter, if any. */
    public void requireValid() {
        if (!errors.isEmpty()) {
            throw new DomainProblemException(ProblemType.VALIDATION_FAILED,
                    "The request has " + errors.size() + " invalid value(s).", errors);
        }
    }
}
