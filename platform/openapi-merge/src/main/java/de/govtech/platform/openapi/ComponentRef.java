package de.govtech.platform.openapi;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A component of a document, {@code #/components/<kind>/<name>}, and the rewriting of references to components
 * that were renamed.
 */
record ComponentRef(String kind, String name) {

    static final String PREFIX = "#/components/";

    /** The component a local reference names, if it names one. */
    static Optional<ComponentRef> parse(String ref) {
        if (ref == null || !ref.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = ref.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty(); // a pointer into a component (…/Problem/properties/type) is left alone
        }
        return Optional.of(new ComponentRef(rest.substring(0, slash), unescape(rest.substring(slash + 1))));
    }

    String ref() {
        return PREFIX + kind + "/" + escape(name);
    }

    ComponentRef renamed(String newName) {
        return new ComponentRef(kind, newName);
    }

    /**
     * Rewrites, in place, every {@code $ref} (and every discriminator mapping value) that names a component in
     * {@code renames} to the component's new name.
     */
    static void rewrite(JsonNode node, Map<ComponentRef, String> renames) {
        if (renames.isEmpty() || node == null) {
            return;
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if ("$ref".equals(field.getKey()) && field.getValue().isTextual()) {
                    field.setValue(renamedRef(field.getValue().asText(), renames));
                } else if ("discriminator".equals(field.getKey()) && field.getValue().path("mapping") instanceof ObjectNode mapping) {
                    mapping.fields().forEachRemaining(entry -> {
                        if (entry.getValue().isTextual()) {
                            entry.setValue(renamedRef(entry.getValue().asText(), renames));
                        }
                    });
                } else {
                    rewrite(field.getValue(), renames);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewrite(element, renames));
        }
    }

    private static TextNode renamedRef(String ref, Map<ComponentRef, String> renames) {
        return TextNode.valueOf(parse(ref)
                .filter(renames::containsKey)
                .map(target -> target.renamed(renames.get(target)).ref())
                .orElse(ref));
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
