package de.govtech.gateway.apidocs;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import de.govtech.platform.openapi.OpenApiMergeException;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;

/** The platform's API as one OpenAPI 3.1 document (public; Swagger UI at /q/swagger-ui shows it). */
@Path("/api/v1")
@Tag(name = "API documents")
public class ApiDocumentResource {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final ApiDocuments documents;

    public ApiDocumentResource(ApiDocuments documents) {
        this.documents = documents;
    }

    @GET
    @Path("openapi")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPlatformOpenApi", summary = "The merged OpenAPI 3.1 document of every service behind the gateway")
    @APIResponse(responseCode = "200", description = "The document; services that could not be reached are listed in info.x-unavailable-services",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public CompletionStage<ObjectNode> json(@Context UriInfo uri) {
        return document(uri);
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPlatformOpenApiJson", summary = "The merged OpenAPI document as JSON")
    @APIResponse(responseCode = "200", description = "The same document as getPlatformOpenApi",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public CompletionStage<ObjectNode> jsonFile(@Context UriInfo uri) {
        return document(uri);
    }

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml")
    @Operation(operationId = "getPlatformOpenApiYaml", summary = "The merged OpenAPI document as YAML")
    public CompletionStage<String> yaml(@Context UriInfo uri) {
        return document(uri).thenApply(document -> {
            try {
                return YAML.writeValueAsString(document);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("merged document not writable as YAML", e);
            }
        });
    }

    private CompletionStage<ObjectNode> document(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        String serverUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return documents.document(serverUrl).exceptionally(failure -> {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof OpenApiMergeException) {
                throw new DomainProblemException(ProblemType.BAD_GATEWAY,
                        "The services' API documents cannot be merged: " + cause.getMessage());
            }
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        });
    }
}
