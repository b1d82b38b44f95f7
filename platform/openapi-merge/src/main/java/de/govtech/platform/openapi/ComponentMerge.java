package de.govtech.platform.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Decides the name of every component in the merged document. A component that several services define
 * identically (Problem, the error responses, Page) is kept once under its name. When services define different
 * components under one name, each of them is renamed with its area as prefix ({@code MembershipContactView},
 * {@code MarketplaceContactView}) — all of them, so no service silently owns the plain name. Renaming changes the
 * references inside other components, which may make those differ too: the decision is repeated until nothing
 * changes.
 */
final class ComponentMerge {

    /** The kinds of reusable objects merged by name; security schemes are replaced, not merged. */
    static final List<String> KINDS = List.of("schemas", "responses", "parameters", "examples", "requestBodies",
            "headers", "links", "callbacks", "pathItems");

    private final Map<String, ObjectNode> componentsByArea;
    private final Map<String, Map<ComponentRef, String>> renames = new LinkedHashMap<>();
    private final Map<String, Set<String>> takenNames = new HashMap<>();

    /** @param componentsByArea each area's {@code components} object, in merge order */
    ComponentMerge(Map<String, ObjectNode> componentsByArea) {
        this.componentsByArea = componentsByArea;
        componentsByArea.forEach((area, components) -> {
            renames.put(area, new LinkedHashMap<>());
            for (String kind : KINDS) {
                components.path(kind).fieldNames().forEachRemaining(
                        name -> takenNames.computeIfAbsent(kind, k -> new HashSet<>()).add(name));
            }
        });
        decideNames();
    }

    /** The components of {@code area} that get a new name, and that name. */
    Map<ComponentRef, String> renamesOf(String area) {
        return renames.get(area);
    }

    /** Every rename, as notes: {@code schemas/ContactView of membership -> MembershipContactView}. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        renames.forEach((area, renamed) -> renamed.forEach((ref, name) -> notes.add(
                "component " + ref.kind() + "/" + ref.name() + " of " + area + " differs from another service's: renamed to " + name)));
        return notes;
    }

    /** The merged components object (kinds in spec order, names sorted), references rewritten. */
    ObjectNode merged() {
        Map<String, TreeMap<String, JsonNode>> byKind = new LinkedHashMap<>();
        componentsByArea.forEach((area, components) -> {
            for (String kind : KINDS) {
                components.path(kind).fields().forEachRemaining(entry -> {
                    ComponentRef ref = new ComponentRef(kind, entry.getKey());
                    String name = renames.get(area).getOrDefault(ref, entry.getKey());
                    JsonNode content = rewritten(area, entry.getValue());
                    JsonNode previous = byKind.computeIfAbsent(kind, k -> new TreeMap<>()).putIfAbsent(name, content);
                    if (previous != null && !previous.equals(content)) {
                        throw new IllegalStateException("component " + kind + "/" + name + " merged twice with different content");
                    }
                });
            }
        });
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        byKind.forEach((kind, components) -> {
            ObjectNode target = merged.putObject(kind);
            components.forEach(target::set);
        });
        return merged;
    }

    private void decideNames() {
        boolean changed;
        do {
            changed = false;
            Map<ComponentRef, Map<String, JsonNode>> variants = new LinkedHashMap<>();
            componentsByArea.forEach((area, components) -> {
                for (String kind : KINDS) {
                    components.path(kind).fields().forEachRemaining(entry -> {
                        ComponentRef ref = new ComponentRef(kind, entry.getKey());
                        if (!renames.get(area).containsKey(ref)) {
                            variants.computeIfAbsent(ref, r -> new LinkedHashMap<>()).put(area, rewritten(area, entry.getValue()));
                        }
                    });
                }
            });
            for (Map.Entry<ComponentRef, Map<String, JsonNode>> entry : variants.entrySet()) {
                Map<String, JsonNode> byArea = entry.getValue();
                if (new HashSet<>(byArea.values()).size() > 1) {
                    ComponentRef ref = entry.getKey();
                    byArea.keySet().forEach(area -> renames.get(area).put(ref, freeName(ref.kind(), Areas.prefix(area) + ref.name())));
                    changed = true;
                }
            }
        } while (changed);
    }

    private String freeName(String kind, String wanted) {
        Set<String> taken = takenNames.computeIfAbsent(kind, k -> new HashSet<>());
        String name = wanted;
        for (int i = 2; taken.contains(name); i++) {
            name = wanted + i;
        }
        taken.add(name);
        return name;
    }

    private JsonNode rewritten(String area, JsonNode content) {
        JsonNode copy = content.deepCopy();
        ComponentRef.rewrite(copy, renames.get(area));
        return copy;
    }
}
