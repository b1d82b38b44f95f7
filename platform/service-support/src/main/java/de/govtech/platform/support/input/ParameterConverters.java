package de.govtech.platform.support.input;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Query and header parameters of the common value types that do not parse answer 400 naming the parameter and
 * what it must look like, instead of the 404 JAX-RS prescribes for query parameters. Path parameters keep
 * their 404: a path that does not parse names no resource.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    private static final Map<Class<?>, Conversion> CONVERSIONS = Map.ofEntries(
            Map.entry(UUID.class, new Conversion(UUID::fromString, "must be a UUID")),
            Map.entry(Integer.class, new Conversion(Integer::valueOf, "must be an integer")),
            Map.entry(int.class, new Conversion(Integer::valueOf, "must be an integer")),
            Map.entry(Long.class, new Conversion(Long::valueOf, "must be an integer")),
            Map.entry(long.class, new Conversion(Long::valueOf, "must be an integer")),
            Map.entry(Boolean.class, new Conversion(ParameterConverters::strictBoolean, "must be true or false")),
            Map.entry(boolean.class, new Conversion(ParameterConverters::strictBoolean, "must be true or false")),
            Map.entry(LocalDate.class, new Conversion(LocalDate::parse, "must be a date (YYYY-MM-DD)")),
            Map.entry(Instant.class, new Conversion(Instant::parse, "must be a date-time (ISO 8601, UTC)")),
            Map.entry(OffsetDateTime.class, new Conversion(OffsetDateTime::parse, "must be a date-time (ISO 8601)")));

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        Conversion conversion = rawType.isEnum() ? enumConversion(rawType) : CONVERSIONS.get(rawType);
        if (conversion == null) {
            return null;
        }
        return (ParamConverter<T>) new Converter(name, conversion, rawType.isPrimitive());
    }

    private static String parameterName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
            if (annotation instanceof RestQuery query) {
                return query.value();
            }
            if (annotation instanceof RestHeader header) {
                return header.value();
            }
        }
        return null;
    }

    /** As JAX-RS has it for enums: a static {@code fromString(String)} if the type has one, else {@code valueOf}. */
    private static Conversion enumConversion(Class<?> type) {
        String expectation = "must be one of: " + Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.joining(", "));
        Method fromString = staticFactory(type, "fromString");
        if (fromString == null) {
            return new Conversion(value -> enumConstant(type, value), expectation);
        }
        return new Conversion(value -> invoke(fromString, value), expectation);
    }

    /** The constant of that name; letter case does not matter ({@code ?status=active} means ACTIVE). */
    private static Object enumConstant(Class<?> type, String value) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("no constant " + value);
    }

    private static Method staticFactory(Class<?> type, String name) {
        try {
            Method method = type.getMethod(name, String.class);
            return Modifier.isStatic(method.getModifiers()) && type.isAssignableFrom(method.getReturnType()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object invoke(Method factory, String value) {
        try {
            Object result = factory.invoke(null, value);
            if (result == null) {
                throw new IllegalArgumentException("no constant " + value);
            }
            return result;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no constant " + value, e);
        }
    }

    private static Boolean strictBoolean(String value) {
        if ("true".equalsIgnoreCase(value)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(value)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean: " + value);
    }

    private record Conversion(Function<String, Object> parse, String expectation) {
    }

    /** An empty value ({@code ?status=}) counts as absent, except where the type has no absent value. */
    private record Converter(String name, Conversion conversion, boolean primitive) implements ParamConverter<Object> {

        @Override
        public Object fromString(String value) {
            if (value == null) {
                return null;
            }
            if (value.isBlank() && !primitive) {
                return null;
            }
            try {
                return conversion.parse().apply(value.strip());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidParameterException(name, conversion.expectation());
            }
        }

        @Override
        public String toString(Object value) {
            return value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
        }
    }
}
