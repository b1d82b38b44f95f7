package de.govtech.platform.support.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.Problem;
import de.govtech.platform.support.problem.ProblemType;

/**
 * Turns Jackson's errors while reading a request body into problems that name the JSON path of the offending
 * value and say what was expected, without echoing Jackson's internal messages (class names, source excerpts).
 */
public final class JsonErrors {

    private static final Pattern MISSING_CREATOR_PROPERTY = Pattern.compile("Missing (?:required )?creator property '([^']+)'");

    private final ObjectMapper mapper;

    public JsonErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The problem for a body Jackson could not read; null when the fault is the server's (a broken type). */
    public Problem toProblem(JsonProcessingException e) {
        if (e instanceof InvalidDefinitionException) {
            return null;
        }
        JsonProcessingException unreadable = unreadableJson(e);
        if (unreadable instanceof StreamConstraintsException) {
            return Problem.of(ProblemType.MALFORMED_REQUEST, "The request body exceeds the JSON size limits.");
        }
        if (unreadable != null) {
            return Problem.of(ProblemType.MALFORMED_REQUEST,
                    "The request body is not valid JSON" + where(unreadable.getLocation()) + ".");
        }
        if (e instanceof JsonMappingException mapping) {
            FieldError error = fieldError(mapping);
            if (error.field() == null) {
                return Problem.of(ProblemType.VALIDATION_FAILED, "The request body " + error.message() + ".");
            }
            return Problem.of(ProblemType.VALIDATION_FAILED, "The request has 1 invalid value.", List.of(error));
        }
        return Problem.of(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON" + where(e.getLocation()) + ".");
    }

    /** The parse error behind {@code e}, if any: Jackson wraps those in mapping errors while binding a bean. */
    private static JsonProcessingException unreadableJson(JsonProcessingException e) {
        Throwable current = e;
        while (current != null) {
            if (current instanceof StreamReadException || current instanceof StreamConstraintsException) {
                return (JsonProcessingException) current;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return null;
    }

    FieldError fieldError(JsonMappingException e) {
        String path = JsonPropertyNames.path(e.getPath());
        Matcher missing = MISSING_CREATOR_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof MismatchedInputException && missing.find()) {
            String name = missing.group(1);
            boolean named = path.equals(name) || path.endsWith("." + name);
            return error(named ? path : JsonPropertyNames.join(path, name), "is required");
        }
        if (e instanceof InvalidFormatException format && format.getValue() instanceof String text && text.indexOf('\0') >= 0) {
            return error(path, "must not contain the NUL character (U+0000)");
        }
        if (e instanceof PropertyBindingException) {
            return error(path, "is not a known property");
        }
        if (e instanceof InvalidNullException) {
            return error(path, "must not be null");
        }
        if (e instanceof InvalidTypeIdException) {
            return error(path, "has an unknown type");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return error(path, expectation(mismatch.getTargetType()));
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause
                && cause.getMessage() != null && !cause.getMessage().isBlank()) {
            // value types reject bad input with IllegalArgumentException and a message meant for callers
            return error(path, cause.getMessage());
        }
        return error(path, "has an invalid value");
    }

    private static FieldError error(String path, String message) {
        return new FieldError(path == null || path.isEmpty() ? null : path, message);
    }

    /** What a value of the target type must look like, in words a client understands. */
    String expectation(Class<?> type) {
        if (type == null) {
            return "has an invalid value";
        }
        if (type.isEnum()) {
            return "must be one of: " + String.join(", ", enumValues(type));
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == BigInteger.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "must be a number";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "must be a string";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (type == Year.class) {
            return "must be a year (YYYY)";
        }
        if (type == LocalTime.class) {
            return "must be a time (hh:mm:ss)";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                || type == LocalDateTime.class || Temporal.class.isAssignableFrom(type)) {
            return "must be a date-time (ISO 8601)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "must be an object";
        }
        return "has an invalid value";
    }

    private List<String> enumValues(Class<?> type) {
        List<String> values = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            values.add(jsonValue(constant));
        }
        return values;
    }

    /** The constant as it appears in JSON (honouring @JsonProperty / @JsonValue). */
    private String jsonValue(Object constant) {
        try {
            Object value = mapper.convertValue(constant, Object.class);
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return ((Enum<?>) constant).name();
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
