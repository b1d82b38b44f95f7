package de.govtech.platform.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a real answer is one the OpenAPI 3.1 document promises: the operation is found by method and path template
 * (a literal segment wins over a template), the response by status code, {@code 2XX}-style range or {@code default}
 * ({@code $ref}s to shared responses followed), and a JSON body (also {@code application/problem+json}) is validated
 * against that response's schema for its media type as JSON Schema 2020-12 ({@link DocumentSchemas}: formats
 * asserted, no undocumented property, no {@code null} where the schema does not allow it). A success status the
 * operation does not document is a violation; another undocumented status (a 405, say) is not the document's
 * business. Requests to paths the document does not have ({@code /q/health}) are not checked. Plain: the document is
 * a string; {@link OpenApiResponseFilter} applies it to every response a {@code @QuarkusTest} receives.
 */
public final class ResponseContract {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private record Template(String path, Pattern pattern, int variables) {
    }

    private final DocumentSchemas schemas;
    private final List<Template> templates = new ArrayList<>();

    public ResponseContract(String document) {
        schemas = new DocumentSchemas(document);
        schemas.root().path("paths").properties().forEach(path -> templates.add(template(path.getKey())));
        templates.sort(Comparator.comparingInt(Template::variables));
    }

    /**
     * The first way the response breaks the document, as one line naming the operation, the status and the JSON pointer
     * into the body; empty if it keeps it or the request is not one of the document's operations.
     *
     * @param path        the request's path without query, as sent (percent-encoded)
     * @param contentType the response's {@code Content-Type}, null without one
     * @param body        the response body, empty without one
     */
    public Optional<String> violation(String method, String path, int status, String contentType, String body) {
        String verb = method.toLowerCase(Locale.ROOT);
        if (!METHODS.contains(verb)) {
            return Optional.empty();
        }
        Optional<Template> matched = templates.stream()
                .filter(template -> template.pattern().matcher(path).matches())
                .filter(template -> operation(template, verb).isObject())
                .findFirst();
        if (matched.isEmpty()) {
            return Optional.empty();
        }
        String operationPointer = "/paths/" + DocumentSchemas.escape(matched.get().path()) + "/" + verb;
        JsonNode operation = operation(matched.get(), verb);
        String name = verb.toUpperCase(Locale.ROOT) + " " + matched.get().path()
                + (operation.has("operationId") ? " (" + operation.get("operationId").asText() + ")" : "");
        JsonNode responses = operation.path("responses");
        Optional<String> key = responseKey(responses, status);
        if (key.isEmpty()) {
            return status / 100 == 2
                    ? Optional.of(name + " answered " + status + ", which it does not document (documented: "
                            + names(responses) + ")")
                    : Optional.empty();
        }
        String responsePointer = operationPointer + "/responses/" + DocumentSchemas.escape(key.get());
        JsonNode response = responses.get(key.get());
        if (response.has("$ref")) {
            String ref = response.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return Optional.empty();
            }
            responsePointer = ref.substring(1);
            response = schemas.root().at(responsePointer);
        }
        if (body == null || body.isEmpty() || contentType == null) {
            return Optional.empty();
        }
        String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!isJson(mediaType)) {
            return Optional.empty();
        }
        JsonNode media = response.path("content").path(mediaType);
        if (!media.isObject()) {
            return Optional.of(name + " answered " + status + " with " + mediaType
                    + ", which that response does not document (documented: " + names(response.path("content")) + ")");
        }
        if (!media.has("schema")) {
            return Optional.empty();
        }
        String schemaPointer = responsePointer + "/content/" + DocumentSchemas.escape(mediaType) + "/schema";
        List<Error> errors;
        try {
            errors = schemas.errors(schemaPointer, body);
        } catch (RuntimeException notJson) {
            return Optional.of(name + " answered " + status + " with a " + mediaType + " body that is not JSON: " + notJson.getMessage());
        }
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        Error first = errors.get(0);
        String at = first.getInstanceLocation().toString();
        return Optional.of(name + " answered " + status + " with a body its schema (" + schemaPointer + ") does not allow, at "
                + (at.isEmpty() ? "/" : at) + ": " + first.getMessage()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
    }

    private JsonNode operation(Template template, String verb) {
        return schemas.root().path("paths").path(template.path()).path(verb);
    }

    private static Optional<String> responseKey(JsonNode responses, int status) {
        String exact = String.valueOf(status);
        for (String key : List.of(exact, exact.charAt(0) + "XX", exact.charAt(0) + "xx", "default")) {
            if (responses.has(key)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(entry -> names.add(entry.getKey()));
        return names;
    }

    private static Template template(String path) {
        StringBuilder regex = new StringBuilder();
        int variables = 0;
        for (String part : path.split("(?=\\{)|(?<=\\})")) {
            if (part.startsWith("{") && part.endsWith("}")) {
                regex.append("[^/]+");
                variables++;
            } else {
                regex.append(Pattern.quote(part));
            }
        }
        return new Template(path, Pattern.compile(regex + "/?"), variables);
    }
}
