package de.govtech.deploy.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses rendered objects into fabric8's Kubernetes models and reports every field the model does not know. The models
 * keep unknown fields in {@code additionalProperties} instead of failing, so the check walks the parsed object graph
 * and reports every non-empty one with its path.
 */
final class KubernetesModels {

    /** Kinds of the Kubernetes API the chart renders (apiVersion/kind → model). */
    static final Map<String, Class<? extends KubernetesResource>> MODELS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "v1/Secret", Secret.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KubernetesModels() {
    }

    static boolean isModelled(JsonNode object) {
        return MODELS.containsKey(typeOf(object));
    }

    /** Problems of one object: unknown apiVersion/kind, or a path per unknown field. Empty if it parses cleanly. */
    static List<String> violations(JsonNode object) {
        Class<? extends KubernetesResource> model = MODELS.get(typeOf(object));
        if (model == null) {
            return List.of(typeOf(object) + " is not a Kubernetes kind this check knows");
        }
        Object parsed;
        try {
            parsed = MAPPER.treeToValue(object, model);
        } catch (Exception e) {
            return List.of("does not parse as " + model.getSimpleName() + ": " + e.getMessage());
        }
        List<String> violations = new ArrayList<>();
        walk(parsed, "", violations, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return violations;
    }

    /** The metadata of any object (custom resources included), checked the same way. */
    static List<String> metadataViolations(JsonNode object) {
        try {
            ObjectMeta meta = MAPPER.treeToValue(object.path("metadata"), ObjectMeta.class);
            List<String> violations = new ArrayList<>();
            walk(meta, ".metadata", violations, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
            return violations;
        } catch (Exception e) {
            return List.of("metadata does not parse: " + e.getMessage());
        }
    }

    private static String typeOf(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    private static void walk(Object value, String path, List<String> violations, Set<Object> seen) {
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.") || !seen.add(value)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    unknown.keySet().forEach(key -> violations.add(path + "." + key + " is not a field of "
                            + value.getClass().getSimpleName()));
                }
                continue;
            }
            String childPath = path + "." + decapitalize(getter.getName().substring(3));
            if (child instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    walk(item, childPath + "[" + i++ + "]", violations, seen);
                }
            } else if (child instanceof Map<?, ?> map) {
                map.forEach((key, item) -> walk(item, childPath + "." + key, violations, seen));
            } else {
                walk(child, childPath, violations, seen);
            }
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
