package de.govtech.platform.support.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import de.govtech.platform.support.problem.Problem;
import de.govtech.platform.support.problem.ProblemType;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the error contract in every service's OpenAPI document: the {@code Problem} schema and reusable
 * {@code application/problem+json} responses, referenced from each operation that does not document the status
 * itself — 400 and 500 everywhere, 401 and 403 on secured operations, 404 where the path names a resource,
 * 409 and 422 on state-changing methods. Generic pages get meaningful schema names ({@link PageSchemaNames}).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemOpenApiFilter implements OASFilter {

    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String FIELD_ERROR_SCHEMA = "ProblemFieldError";

    private static final Set<PathItem.HttpMethod> STATE_CHANGING = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    /** Reusable responses by status: component name, description, example detail. */
    private record ErrorResponse(String status, String name, String description, ProblemType type, String detail) {
    }

    private static final List<ErrorResponse> RESPONSES = List.of(
            new ErrorResponse("400", "BadRequest", "The request is malformed or has invalid values",
                    ProblemType.VALIDATION_FAILED, "The request has 1 invalid value."),
            new ErrorResponse("401", "Unauthorized", "No valid bearer token was sent",
                    ProblemType.UNAUTHORIZED, "A valid bearer token is required."),
            new ErrorResponse("403", "Forbidden", "The caller may not perform this operation on this resource",
                    ProblemType.FORBIDDEN, "You are not allowed to perform this operation."),
            new ErrorResponse("404", "NotFound", "The resource does not exist",
                    ProblemType.NOT_FOUND, "No resource exists at this path."),
            new ErrorResponse("409", "Conflict", "The request conflicts with the resource's current state",
                    ProblemType.CONFLICT, "The resource was changed concurrently."),
            new ErrorResponse("422", "UnprocessableContent", "The request is well-formed but violates a business rule",
                    ProblemType.UNPROCESSABLE_CONTENT, "The request violates a business rule."),
            new ErrorResponse("500", "InternalError", "An unexpected error occurred on the server",
                    ProblemType.INTERNAL_ERROR,
                    "The service could not complete the request. Quote the instance when reporting it."));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PageSchemaNames.apply(openAPI);
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(FIELD_ERROR_SCHEMA, fieldErrorSchema());
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        for (ErrorResponse response : RESPONSES) {
            components.addResponse(response.name(), componentResponse(response));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = hasRequirements(openAPI.getSecurity());
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() == null) {
                return;
            }
            item.getOperations().forEach((method, operation) -> addErrorResponses(path, method, operation, securedByDefault));
        });
    }

    private static void addErrorResponses(String path, PathItem.HttpMethod method, Operation operation, boolean securedByDefault) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured = operation.getSecurity() == null ? securedByDefault : hasRequirements(operation.getSecurity());
        for (ErrorResponse error : RESPONSES) {
            boolean applies = switch (error.status()) {
                case "401", "403" -> secured;
                case "404" -> path.contains("{");
                case "409", "422" -> STATE_CHANGING.contains(method);
                default -> true;
            };
            if (!applies) {
                continue;
            }
            APIResponse existing = responses.getAPIResponse(error.status());
            if (existing == null) {
                responses.addAPIResponse(error.status(), OASFactory.createAPIResponse().ref(error.name()));
            } else if (existing.getRef() == null && (existing.getContent() == null
                    || existing.getContent().getMediaTypes() == null || existing.getContent().getMediaTypes().isEmpty())) {
                // documented without a body (as Quarkus does for 400/401/403): describe the problem body
                existing.setContent(problemContent(error));
            }
        }
    }

    private static boolean hasRequirements(List<SecurityRequirement> requirements) {
        if (requirements == null) {
            return false;
        }
        return requirements.stream().anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());
    }

    private static APIResponse componentResponse(ErrorResponse error) {
        return OASFactory.createAPIResponse().description(error.description()).content(problemContent(error));
    }

    private static Content problemContent(ErrorResponse error) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", error.type().type().toString());
        example.put("title", error.type().title());
        example.put("status", error.type().status());
        example.put("detail", error.detail());
        if ("400".equals(error.status())) {
            // an ordered map: Map.of's order changes from one JVM to the next, and with it each build's document
            Map<String, Object> fieldError = new LinkedHashMap<>();
            fieldError.put("field", "municipality.ags");
            fieldError.put("message", "must match \"\\d{8}\"");
            example.put("errors", List.of(fieldError));
        } else if ("500".equals(error.status())) {
            example.put("instance", "urn:uuid:5f0c2a4e-8d1b-4c57-9a3e-2b6f1d7c9e10");
        }
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))
                .addExample(error.name(), OASFactory.createExample().summary(error.description()).value(example)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("Problem details (RFC 9457). `type` identifies the kind of error and is stable; "
                        + "switch on it, not on `title` or `detail`.")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("Identifies the kind of error, e.g. " + ProblemType.NOT_FOUND.type()))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Short summary of the kind of error"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                        .description("The HTTP status code"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Explanation specific to this occurrence"))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")
                        .description("This occurrence: the request path, or urn:uuid:<id> of a logged server error"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(FIELD_ERROR_SCHEMA))
                        .description("The invalid input values, if the error is about input"))
                .required(List.of("type", "title", "status"));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One invalid input value")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The value as the client named it: a JSON path into the body such as "
                                + "`members[0].ags`, or a query, path or header parameter name; absent when the "
                                + "body as a whole is meant"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What is wrong with the value"))
                .required(List.of("message"));
    }
}
