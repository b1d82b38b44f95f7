package de.govtech.platform.openapi;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI 3.1 documents into the one document of the platform as seen through the gateway:
 * <ul>
 * <li>{@code servers} is the gateway only; paths stay as they are (the gateway forwards {@code /api/v1/<area>/**}
 * unchanged), paths outside an area's base path (such as the services' own {@code /q/*}) are dropped;</li>
 * <li>components that several services define identically are kept once, different ones with the same name are
 * renamed with their area as prefix and every reference is rewritten ({@link ComponentMerge});</li>
 * <li>operationIds are unique: a clash fails the merge or prefixes the clashing ids with their area;</li>
 * <li>one security scheme, {@value #SECURITY_SCHEME}: OAuth 2.0 authorization code (with PKCE, as Swagger UI and
 * the public client {@code govtech-cli} use it) against the Keycloak realm. Every secured operation requires it,
 * the roles the service named are kept in {@code x-roles}; public operations say {@code security: []}.</li>
 * </ul>
 * The input documents are not modified.
 */
public final class OpenApiMerger {

    public static final String SECURITY_SCHEME = "keycloak";
    public static final String OPENAPI_VERSION = "3.1.0";
    /** Extension on an operation: the realm roles the service requires (informative; the service decides). */
    public static final String ROLES_EXTENSION = "x-roles";
    /** Extension on {@code info}: the areas whose documents were missing when the document was merged. */
    public static final String UNAVAILABLE_EXTENSION = "x-unavailable-services";

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final MergeSettings settings;

    public OpenApiMerger(MergeSettings settings) {
        this.settings = settings;
    }

    /**
     * @param documents the services' documents by area (route name: membership, learning, …); merged in area order
     * @throws OpenApiMergeException if a document is not OpenAPI 3.1, two areas claim one path, or (when the
     *         settings say so) two operations share an operationId
     */
    public MergeResult merge(Map<String, ? extends JsonNode> documents) {
        return merge(documents, List.of());
    }

    /**
     * As {@link #merge(Map)}, recording in {@code info.x-unavailable-services} the areas whose documents could not
     * be had (the gateway leaves a service that is down out rather than failing the whole document).
     */
    public MergeResult merge(Map<String, ? extends JsonNode> documents, List<String> unavailableAreas) {
        Map<String, ObjectNode> areas = new TreeMap<>();
        documents.forEach((area, document) -> {
            requireOpenApi31(area, document);
            areas.put(area, (ObjectNode) document.deepCopy());
        });
        List<String> notes = new ArrayList<>();

        Map<String, ObjectNode> components = new LinkedHashMap<>();
        areas.forEach((area, document) -> components.put(area, document.path("components") instanceof ObjectNode c ? c : JSON.objectNode()));
        ComponentMerge componentMerge = new ComponentMerge(components);
        notes.addAll(componentMerge.notes());

        ObjectNode paths = JSON.objectNode();
        ObjectNode webhooks = JSON.objectNode();
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        Map<String, List<ObjectNode>> operationsById = new LinkedHashMap<>();
        Map<ObjectNode, String> areaOfOperation = new IdentityHashMap<>();

        areas.forEach((area, document) -> {
            ComponentRef.rewrite(document.path("paths"), componentMerge.renamesOf(area));
            ComponentRef.rewrite(document.path("webhooks"), componentMerge.renamesOf(area));
            document.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), (ObjectNode) tag));
            JsonNode documentSecurity = document.get("security");

            String base = Areas.basePath(area);
            document.path("paths").fields().forEachRemaining(entry -> {
                String path = entry.getKey();
                if (!path.equals(base) && !path.startsWith(base + "/")) {
                    notes.add("path " + path + " of " + area + " is not below " + base + " (not routed by the gateway): left out");
                    return;
                }
                if (paths.has(path)) {
                    throw new OpenApiMergeException("path " + path + " is documented by two services (" + area + " and another)");
                }
                ObjectNode item = (ObjectNode) entry.getValue();
                item.remove("servers");
                for (String method : METHODS) {
                    if (item.get(method) instanceof ObjectNode operation) {
                        operation.remove("servers");
                        rewriteSecurity(operation, documentSecurity);
                        ensureTagged(area, document, operation, tags);
                        String id = operation.path("operationId").asText("");
                        if (id.isEmpty()) {
                            id = generatedOperationId(method, path);
                            operation.put("operationId", id);
                            notes.add(method.toUpperCase() + " " + path + " of " + area + " has no operationId: named " + id);
                        }
                        operationsById.computeIfAbsent(id, k -> new ArrayList<>()).add(operation);
                        areaOfOperation.put(operation, area);
                    }
                }
                paths.set(path, item);
            });
            document.path("webhooks").fields().forEachRemaining(entry -> {
                if (webhooks.has(entry.getKey())) {
                    throw new OpenApiMergeException("webhook " + entry.getKey() + " is documented by two services");
                }
                webhooks.set(entry.getKey(), entry.getValue());
            });
        });

        makeOperationIdsUnique(operationsById, areaOfOperation, notes);

        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", OPENAPI_VERSION);
        merged.set("info", info(areas, unavailableAreas));
        merged.putArray("servers").addObject().put("url", settings.serverUrl()).put("description", "GovTech Kommunal gateway");
        merged.putArray("security").addObject().putArray(SECURITY_SCHEME);
        if (!tags.isEmpty()) {
            ArrayNode tagArray = merged.putArray("tags");
            tags.values().forEach(tagArray::add);
        }
        merged.set("paths", paths);
        if (!webhooks.isEmpty()) {
            merged.set("webhooks", webhooks);
        }
        ObjectNode mergedComponents = componentMerge.merged();
        mergedComponents.putObject("securitySchemes").set(SECURITY_SCHEME, securityScheme());
        merged.set("components", mergedComponents);
        return new MergeResult(merged, notes);
    }

    /** Fails unless {@code document} is an OpenAPI 3.1 document (an object with {@code openapi: 3.1.x}). */
    public static void requireOpenApi31(String area, JsonNode document) {
        if (!(document instanceof ObjectNode)) {
            throw new OpenApiMergeException(area + ": the OpenAPI document is not a JSON object");
        }
        String version = document.path("openapi").asText("");
        if (!version.startsWith("3.1.")) {
            throw new OpenApiMergeException(area + ": not an OpenAPI 3.1 document (openapi: \"" + version + "\")");
        }
    }

    /**
     * Secured (a non-empty requirement of its own, or of the document when it has none) → the Keycloak scheme,
     * keeping the roles the service named; public → {@code security: []}.
     */
    private static void rewriteSecurity(ObjectNode operation, JsonNode documentSecurity) {
        JsonNode security = operation.has("security") ? operation.get("security") : documentSecurity;
        boolean secured = false;
        Set<String> roles = new LinkedHashSet<>();
        if (security != null) {
            for (JsonNode requirement : security) {
                for (Iterator<Map.Entry<String, JsonNode>> schemes = requirement.fields(); schemes.hasNext();) {
                    secured = true;
                    schemes.next().getValue().forEach(role -> roles.add(role.asText()));
                }
            }
        }
        ArrayNode rewritten = operation.putArray("security");
        if (secured) {
            rewritten.addObject().putArray(SECURITY_SCHEME);
            if (!roles.isEmpty()) {
                ArrayNode roleArray = operation.putArray(ROLES_EXTENSION);
                roles.forEach(roleArray::add);
            }
        }
    }

    /** Untagged operations get their area as tag, so Swagger UI and generated clients group them by service. */
    private static void ensureTagged(String area, ObjectNode document, ObjectNode operation, Map<String, ObjectNode> tags) {
        if (operation.path("tags").isArray() && !operation.path("tags").isEmpty()) {
            return;
        }
        String tag = Areas.prefix(area);
        operation.putArray("tags").add(tag);
        tags.computeIfAbsent(tag, name -> JSON.objectNode().put("name", name)
                .put("description", document.path("info").path("title").asText(name)));
    }

    private void makeOperationIdsUnique(Map<String, List<ObjectNode>> operationsById, Map<ObjectNode, String> areaOf,
            List<String> notes) {
        Set<String> used = new LinkedHashSet<>(operationsById.keySet());
        operationsById.forEach((id, operations) -> {
            if (operations.size() < 2) {
                return;
            }
            if (operations.stream().map(areaOf::get).distinct().count() < operations.size()) {
                throw new OpenApiMergeException("operationId " + id + " is used twice within one service");
            }
            if (settings.failOnOperationIdClash()) {
                throw new OpenApiMergeException("operationId " + id + " is used by several services: "
                        + operations.stream().map(areaOf::get).toList());
            }
            for (ObjectNode operation : operations) {
                String area = areaOf.get(operation);
                String unique = Areas.prefixedId(area, id);
                for (int i = 2; used.contains(unique); i++) {
                    unique = Areas.prefixedId(area, id) + i;
                }
                used.add(unique);
                operation.put("operationId", unique);
                notes.add("operationId " + id + " of " + area + " clashes with another service's: renamed to " + unique);
            }
        });
    }

    /** {@code get /api/v1/membership/fees/{year}} → {@code getApiV1MembershipFeesYear}. */
    private static String generatedOperationId(String method, String path) {
        StringBuilder id = new StringBuilder(method);
        for (String part : path.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    private ObjectNode info(Map<String, ObjectNode> areas, List<String> unavailableAreas) {
        StringBuilder description = new StringBuilder(settings.description());
        if (!areas.isEmpty()) {
            description.append("\n\n| API | base path |\n|---|---|");
            areas.forEach((area, document) -> description.append("\n| ")
                    .append(document.path("info").path("title").asText(Areas.prefix(area)).replace("|", "/"))
                    .append(" | `").append(Areas.basePath(area)).append("` |"));
        }
        ObjectNode info = JSON.objectNode()
                .put("title", settings.title())
                .put("version", settings.version())
                .put("description", description.toString());
        areas.values().stream().map(document -> document.path("info").get("contact")).filter(c -> c != null && c.isObject())
                .findFirst().ifPresent(contact -> info.set("contact", contact));
        if (!unavailableAreas.isEmpty()) {
            ArrayNode missing = info.putArray(UNAVAILABLE_EXTENSION);
            unavailableAreas.stream().sorted().forEach(missing::add);
        }
        return info;
    }

    private ObjectNode securityScheme() {
        String openIdConnect = settings.realmUrl() + "/protocol/openid-connect";
        ObjectNode scheme = JSON.objectNode()
                .put("type", "oauth2")
                .put("description", "Keycloak realm " + settings.realmUrl() + " (discovery: " + settings.realmUrl()
                        + "/.well-known/openid-configuration). Interactive sign-in: authorization code with PKCE, "
                        + "public client govtech-cli. Programs send the access token as `Authorization: Bearer <token>`.");
        ObjectNode flow = scheme.putObject("flows").putObject("authorizationCode")
                .put("authorizationUrl", openIdConnect + "/auth")
                .put("tokenUrl", openIdConnect + "/token")
                .put("refreshUrl", openIdConnect + "/token");
        flow.putObject("scopes").put("openid", "Sign in with OpenID Connect (the token carries the realm roles and the "
                + "municipality_id / vendor_id claims)");
        return scheme;
    }
}
