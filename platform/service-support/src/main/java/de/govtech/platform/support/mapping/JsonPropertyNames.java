package de.govtech.platform.support.mapping;

import java.lang.reflect.Type;
import java.util.List;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * Renders paths to invalid values the way the client wrote them: JSON property names (honouring
 * {@code @JsonProperty} renames) joined with dots, indexes in brackets, e.g. {@code members[2].address.postalCode}.
 */
final class JsonPropertyNames {

    private final ObjectMapper mapper;

    JsonPropertyNames(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The JSON path for bean validation nodes that start inside a value of {@code rootType}
     * (the request body, or a bean validated directly).
     */
    String path(Type rootType, List<Path.Node> nodes) {
        StringBuilder path = new StringBuilder();
        JavaType current = rootType == null ? null : mapper.constructType(rootType);
        for (Path.Node node : nodes) {
            if (node.isInIterable()) {
                appendElement(path, node.getIndex(), node.getKey());
                current = elementType(current);
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                BeanPropertyDefinition property = property(current, node.getName());
                appendName(path, property == null ? node.getName() : property.getName());
                current = property == null ? null : property.getPrimaryType();
            }
        }
        return path.toString();
    }

    /** The JSON path Jackson recorded while reading, e.g. {@code members[0].type}. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                appendName(path, reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                appendElement(path, reference.getIndex(), null);
            }
        }
        return path.toString();
    }

    static String join(String parent, String child) {
        if (parent == null || parent.isEmpty()) {
            return child;
        }
        if (child == null || child.isEmpty()) {
            return parent;
        }
        return child.startsWith("[") ? parent + child : parent + "." + child;
    }

    private static void appendName(StringBuilder path, String name) {
        if (path.length() > 0) {
            path.append('.');
        }
        path.append(name);
    }

    private static void appendElement(StringBuilder path, Integer index, Object key) {
        if (index != null) {
            path.append('[').append(index).append(']');
        } else if (key != null) {
            appendName(path, key.toString());
        }
    }

    private static JavaType elementType(JavaType type) {
        if (type != null && (type.isContainerType() || type.isReferenceType())) {
            return type.getContentType();
        }
        return null;
    }

    private BeanPropertyDefinition property(JavaType type, String javaName) {
        if (type == null || javaName == null || type.isContainerType() || type.isPrimitive()
                || type.getRawClass().getName().startsWith("java.")) {
            return null;
        }
        try {
            BeanDescription description = mapper.getDeserializationConfig().introspect(type);
            for (BeanPropertyDefinition candidate : description.findProperties()) {
                if (javaName.equals(candidate.getInternalName())) {
                    return candidate;
                }
            }
        } catch (RuntimeException e) {
            // introspection is a nicety: fall back to the Java name
        }
        return null;
    }
}
