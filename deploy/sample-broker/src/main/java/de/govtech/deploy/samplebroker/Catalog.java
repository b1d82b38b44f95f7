package de.govtech.deploy.samplebroker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The OSB catalog the broker serves at {@code GET /v2/catalog}.
 *
 * <p>The marketplace maps a listing to it by name: the service whose {@code name} equals the listing's slug, the plan
 * whose {@code name} equals the listing plan's name ignoring case.
 */
public record Catalog(List<ServiceOffering> services) {

    public static final String DEMO_SERVICE_ID = "6f6b1b58-0d5e-4a35-9d5e-8f2f5f1c0d01";
    public static final String DEMO_BASIS_PLAN_ID = "6f6b1b58-0d5e-4a35-9d5e-8f2f5f1c0d02";
    public static final String DEMO_PREMIUM_PLAN_ID = "6f6b1b58-0d5e-4a35-9d5e-8f2f5f1c0d03";
    public static final String DEMO_SERVICE_NAME = "buergerservice-demo";

    public Catalog {
        services = List.copyOf(services);
        Set<String> ids = new HashSet<>();
        for (ServiceOffering service : services) {
            if (!ids.add("service:" + service.id())) {
                throw new IllegalArgumentException("duplicate service id " + service.id());
            }
            for (ServicePlan plan : service.plans()) {
                if (!ids.add("plan:" + plan.id())) {
                    throw new IllegalArgumentException("duplicate plan id " + plan.id());
                }
            }
        }
    }

    /** One service "buergerservice-demo" with the plans "basis" (free) and "premium", both SUCCEED. */
    public static Catalog demo() {
        return new Catalog(List.of(new ServiceOffering(DEMO_SERVICE_ID, DEMO_SERVICE_NAME,
                "Bürgerservice-Portal (Demo): Online-Anträge und Terminbuchung für Kommunen", false, true,
                List.of(new ServicePlan(DEMO_BASIS_PLAN_ID, "basis", "Basis: Online-Anträge", true, Behaviour.SUCCEED),
                        new ServicePlan(DEMO_PREMIUM_PLAN_ID, "premium", "Premium: Anträge, Termine und Bezahlung",
                                false, Behaviour.SUCCEED)))));
    }

    /** Reads a catalog in OSB format ({@code {"services":[...]}}), each plan optionally with {@code "x-behaviour"}. */
    public static Catalog fromJson(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("catalog " + file + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #fromJson(Path)}, from text. */
    public static Catalog parse(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        JsonNode services = root == null ? null : root.get("services");
        if (services == null || !services.isArray() || services.isEmpty()) {
            throw new IllegalArgumentException("\"services\" must be a non-empty array");
        }
        List<ServiceOffering> offerings = new ArrayList<>();
        for (JsonNode service : services) {
            List<ServicePlan> plans = new ArrayList<>();
            JsonNode planNodes = service.get("plans");
            if (planNodes == null || !planNodes.isArray()) {
                throw new IllegalArgumentException("service " + service.path("name").asText("?") + ": \"plans\" must be an array");
            }
            for (JsonNode plan : planNodes) {
                plans.add(new ServicePlan(text(plan, "id"), text(plan, "name"), text(plan, "description"),
                        plan.path("free").asBoolean(true), behaviour(plan)));
            }
            offerings.add(new ServiceOffering(text(service, "id"), text(service, "name"), text(service, "description"),
                    service.path("bindable").asBoolean(false), service.path("instances_retrievable").asBoolean(false),
                    plans));
        }
        return new Catalog(offerings);
    }

    public Optional<ServiceOffering> service(String serviceId) {
        return services.stream().filter(s -> s.id().equals(serviceId)).findFirst();
    }

    /** The plan with this id in any service. */
    public Optional<ServicePlan> plan(String planId) {
        return services.stream().flatMap(s -> s.plans().stream()).filter(p -> p.id().equals(planId)).findFirst();
    }

    /** The catalog as OSB JSON (without the {@code x-behaviour} extension). */
    ObjectNode toOsbJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode array = root.putArray("services");
        for (ServiceOffering service : services) {
            ObjectNode s = array.addObject();
            s.put("id", service.id());
            s.put("name", service.name());
            s.put("description", service.description());
            s.put("bindable", service.bindable());
            s.put("instances_retrievable", service.instancesRetrievable());
            s.put("bindings_retrievable", false);
            s.put("plan_updateable", false);
            ArrayNode plans = s.putArray("plans");
            for (ServicePlan plan : service.plans()) {
                ObjectNode p = plans.addObject();
                p.put("id", plan.id());
                p.put("name", plan.name());
                p.put("description", plan.description());
                p.put("free", plan.free());
                p.put("bindable", service.bindable());
            }
        }
        return root;
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a non-blank string in " + node);
        }
        return value.asText();
    }

    private static Behaviour behaviour(JsonNode plan) {
        JsonNode value = plan.get("x-behaviour");
        if (value == null || value.isNull()) {
            return Behaviour.SUCCEED;
        }
        try {
            return Behaviour.valueOf(value.asText().trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown x-behaviour \"" + value.asText() + "\" (one of " + java.util.Arrays.toString(Behaviour.values()) + ")", e);
        }
    }
}
