package de.govtech.platform.support.openapi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Gives the schemas of generic pages names a client generator turns into meaningful types: SmallRye names
 * {@code Page<MembershipView>} {@code PageMembershipView}; it becomes {@code MembershipPage} (the item's schema
 * name without a {@code View} suffix), and every reference to it follows. The raw generic {@code Page} schema, which
 * SmallRye adds as well and nothing refers to, is dropped: a client generator would make a meaningless {@code Page}
 * type of untyped items from it.
 */
final class PageSchemaNames {

    private static final String PREFIX = "#/components/schemas/";
    private static final Set<String> PAGE_PROPERTIES = Set.of("items", "page", "size", "total");

    private PageSchemaNames() {
    }

    static void apply(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Map<String, String> renames = renames(components.getSchemas());
        Map<String, Schema> renamed = new LinkedHashMap<>();
        components.getSchemas().forEach((name, schema) -> {
            if (!isRawGenericPage(name, schema)) {
                renamed.put(renames.getOrDefault(name, name), schema);
            }
        });
        components.setSchemas(renamed);
        renamed.values().forEach(schema -> rewrite(schema, renames));
        if (components.getResponses() != null) {
            components.getResponses().values().forEach(response -> rewrite(response, renames));
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                rewriteParameters(item.getParameters(), renames);
                if (item.getOperations() != null) {
                    item.getOperations().values().forEach(operation -> {
                        rewriteParameters(operation.getParameters(), renames);
                        RequestBody body = operation.getRequestBody();
                        if (body != null) {
                            rewrite(body.getContent(), renames);
                        }
                        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                            operation.getResponses().getAPIResponses().values().forEach(response -> rewrite(response, renames));
                        }
                    });
                }
            });
        }
    }

    /** SmallRye's schema of {@code Page<T>} itself: untyped items. References always name a concrete page. */
    private static boolean isRawGenericPage(String name, Schema schema) {
        return name.equals("Page") && schema.getProperties() != null
                && schema.getProperties().keySet().equals(PAGE_PROPERTIES)
                && schema.getProperties().get("items").getItems() != null
                && schema.getProperties().get("items").getItems().getRef() == null;
    }

    /** Generated page schema name → meaningful name, for every page whose new name is still free. */
    static Map<String, String> renames(Map<String, Schema> schemas) {
        Map<String, String> renames = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> {
            String item = itemSchemaName(name, schema);
            if (item == null) {
                return;
            }
            String base = item.endsWith("View") && item.length() > 4 ? item.substring(0, item.length() - 4) : item;
            String target = base + "Page";
            if (!schemas.containsKey(target) && !renames.containsValue(target)) {
                renames.put(name, target);
            }
        });
        return renames;
    }

    /** The schema name of the items if {@code schema} is a generated {@code Page<…>}, else null. */
    private static String itemSchemaName(String name, Schema schema) {
        if (!name.startsWith("Page") || name.equals("Page") || schema.getProperties() == null
                || !schema.getProperties().keySet().equals(PAGE_PROPERTIES)) {
            return null;
        }
        Schema items = schema.getProperties().get("items").getItems();
        if (items == null || items.getRef() == null || !items.getRef().startsWith(PREFIX)) {
            return null;
        }
        return items.getRef().substring(PREFIX.length());
    }

    private static void rewriteParameters(List<Parameter> parameters, Map<String, String> renames) {
        if (parameters != null) {
            parameters.forEach(parameter -> {
                rewrite(parameter.getSchema(), renames);
                rewrite(parameter.getContent(), renames);
            });
        }
    }

    private static void rewrite(APIResponse response, Map<String, String> renames) {
        if (response != null) {
            rewrite(response.getContent(), renames);
        }
    }

    private static void rewrite(Content content, Map<String, String> renames) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(mediaType -> rewrite(mediaType.getSchema(), renames));
        }
    }

    private static void rewrite(Schema schema, Map<String, String> renames) {
        if (schema == null) {
            return;
        }
        String ref = schema.getRef();
        if (ref != null && ref.startsWith(PREFIX)) {
            String target = renames.get(ref.substring(PREFIX.length()));
            if (target != null) {
                schema.setRef(PREFIX + target);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> rewrite(property, renames));
        }
        rewrite(schema.getItems(), renames);
        rewrite(schema.getNot(), renames);
        rewrite(schema.getAdditionalPropertiesSchema(), renames);
        for (Collection<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(member -> rewrite(member, renames));
            }
        }
    }
}
