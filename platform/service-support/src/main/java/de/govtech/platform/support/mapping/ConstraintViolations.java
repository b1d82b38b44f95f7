package de.govtech.platform.support.mapping;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMatrix;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.Problem;
import de.govtech.platform.support.problem.ProblemType;

/**
 * Turns bean validation violations into a {@code validation-failed} problem whose field names are the ones the
 * client used: the JSON property path inside the body (without the Java method and parameter names such as
 * {@code apply.arg0}), or the query/path/header parameter name.
 */
public final class ConstraintViolations {

    private final JsonPropertyNames names;

    public ConstraintViolations(ObjectMapper mapper) {
        this.names = new JsonPropertyNames(mapper);
    }

    /** True if a method's return value broke its constraints: a server fault, not the client's. */
    public static boolean concernReturnValue(Collection<? extends ConstraintViolation<?>> violations) {
        for (ConstraintViolation<?> violation : violations) {
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
        }
        return false;
    }

    public Problem toProblem(Collection<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = new ArrayList<>();
        Set<FieldError> seen = new HashSet<>();
        for (ConstraintViolation<?> violation : violations) {
            FieldError error = new FieldError(field(violation), violation.getMessage());
            if (seen.add(error)) {
                errors.add(error);
            }
        }
        errors.sort(Comparator.comparing((FieldError e) -> e.field() == null ? "" : e.field())
                .thenComparing(FieldError::message));
        String detail = errors.size() == 1 ? "The request has 1 invalid value."
                : "The request has " + errors.size() + " invalid values.";
        return Problem.of(ProblemType.VALIDATION_FAILED, detail, errors);
    }

    /** The client-facing name of the violated value; null when it is the request body as a whole. */
    String field(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        if (nodes.isEmpty()) {
            return null;
        }
        Path.Node first = nodes.get(0);
        if (first.getKind() != ElementKind.METHOD && first.getKind() != ElementKind.CONSTRUCTOR) {
            return emptyToNull(names.path(violation.getRootBeanClass(), nodes));
        }
        if (nodes.size() < 2 || nodes.get(1).getKind() != ElementKind.PARAMETER) {
            return null; // cross-parameter constraint: no single field
        }
        Path.ParameterNode parameter = nodes.get(1).as(Path.ParameterNode.class);
        List<Path.Node> inside = nodes.subList(2, nodes.size());
        Method method = first.getKind() == ElementKind.METHOD
                ? findMethod(violation.getRootBeanClass(), first.as(Path.MethodNode.class))
                : null;
        int index = parameter.getParameterIndex();
        String requestName = method == null ? null : requestParameterName(method, index);
        if (requestName != null) {
            return JsonPropertyNames.join(requestName, names.path(null, inside));
        }
        Type bodyType = method == null ? null : method.getGenericParameterTypes()[index];
        return emptyToNull(names.path(bodyType, inside));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * The declared method behind a violation; CDI may hand us a generated subclass whose override carries no
     * parameter annotations, so supertypes and interfaces are searched too.
     */
    private static Method findMethod(Class<?> rootClass, Path.MethodNode node) {
        Class<?>[] parameterTypes = node.getParameterTypes().toArray(new Class<?>[0]);
        for (Class<?> type : typeHierarchy(rootClass)) {
            try {
                Method candidate = type.getDeclaredMethod(node.getName(), parameterTypes);
                if (hasRequestParameterAnnotations(candidate) || type.getSuperclass() == Object.class
                        || type.isInterface()) {
                    return candidate;
                }
            } catch (NoSuchMethodException e) {
                // keep looking in the supertypes
            }
        }
        return null;
    }

    private static List<Class<?>> typeHierarchy(Class<?> rootClass) {
        List<Class<?>> result = new ArrayList<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        if (rootClass != null) {
            pending.add(rootClass);
        }
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            if (type == Object.class || result.contains(type)) {
                continue;
            }
            result.add(type);
            if (type.getSuperclass() != null) {
                pending.add(type.getSuperclass());
            }
            pending.addAll(List.of(type.getInterfaces()));
        }
        return result;
    }

    private static boolean hasRequestParameterAnnotations(Method method) {
        for (int i = 0; i < method.getParameterCount(); i++) {
            if (requestParameterName(method, i) != null) {
                return true;
            }
        }
        return false;
    }

    private static String requestParameterName(Method method, int index) {
        for (Annotation annotation : method.getParameterAnnotations()[index]) {
            String name = declaredName(annotation);
            if (name != null) {
                return name.isEmpty() ? method.getParameters()[index].getName() : name;
            }
        }
        return null;
    }

    /** The name a request-parameter annotation declares ("" = the Java parameter name); null for others. */
    private static String declaredName(Annotation annotation) {
        if (annotation instanceof QueryParam a) {
            return a.value();
        } else if (annotation instanceof PathParam a) {
            return a.value();
        } else if (annotation instanceof HeaderParam a) {
            return a.value();
        } else if (annotation instanceof CookieParam a) {
            return a.value();
        } else if (annotation instanceof FormParam a) {
            return a.value();
        } else if (annotation instanceof MatrixParam a) {
            return a.value();
        } else if (annotation instanceof RestQuery a) {
            return a.value();
        } else if (annotation instanceof RestPath a) {
            return a.value();
        } else if (annotation instanceof RestHeader a) {
            return a.value();
        } else if (annotation instanceof RestCookie a) {
            return a.value();
        } else if (annotation instanceof RestForm a) {
            return a.value();
        } else if (annotation instanceof RestMatrix a) {
            return a.value();
        }
        return null;
    }
}
