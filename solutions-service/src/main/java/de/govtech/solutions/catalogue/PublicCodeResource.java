package de.govtech.solutions.catalogue;

import de.govtech.platform.support.security.PlatformRoles;
import de.govtech.platform.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/solutions/{id}/publiccode")
@Tag(name = "Reuse catalogue", description = "publiccode.yml metadata and the search of solutions available for reuse")
public class PublicCodeResource {

    static final String YAML = "application/yaml";
    static final String TEXT_YAML = "text/yaml";
    private static final String EXAMPLE = """
            publiccodeYmlVersion: "0.4"
            name: Terminvergabe Bürgerbüro
            url: https://gitlab.opencode.de/govtech-kommunal/terminvergabe.git
            platforms: [web]
            categories: [appointments]
            developmentStatus: stable
            softwareType: standalone/web
            description:
              de:
                shortDescription: Online-Terminvergabe für Bürgerbüros
                longDescription: "… 150 bis 10 000 Zeichen …"
                features: [Online-Buchung]
            legal:
              license: EUPL-1.2
            maintenance:
              type: community
              contacts: [{name: Erika Muster}]
            localisation:
              localisationReady: true
              availableLanguages: [de]
            """;

    private final CatalogueService catalogue;
    private final CurrentCaller caller;

    public PublicCodeResource(CatalogueService catalogue, CurrentCaller caller) {
        this.catalogue = catalogue;
        this.caller = caller;
    }

    @PUT
    @Consumes({YAML, TEXT_YAML})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "importPublicCode", summary = "Import the solution's publiccode.yml (standard version 0.4)",
            description = "Validated against the standard's required keys and value rules; the raw document is kept "
                    + "exactly as sent and replaces an earlier one."
                    + " An invalid publiccode.yml is refused with 422 naming every failure by its key path, e.g. "
                    + "description.de.shortDescription (problem type invalid-publiccode).")
    @RequestBody(required = true, content = {
            @Content(mediaType = YAML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "openCode", value = EXAMPLE)),
            @Content(mediaType = TEXT_YAML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "200", description = "Imported; what was read from it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogueViews.ImportView.class)))
    @APIResponse(responseCode = "409", description = "The solution is DECLINED or RETIRED (problem+json)")
    public CatalogueViews.ImportView importDocument(@PathParam("id") UUID id, String document) {
        return catalogue.importDocument(caller.get(), id, document);
    }

    @GET
    @Produces(YAML)
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "exportPublicCode", summary = "Export the solution's publiccode.yml as imported")
    @APIResponse(responseCode = "200", description = "The raw document",
            content = @Content(mediaType = YAML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public String export(@PathParam("id") UUID id) {
        return catalogue.export(caller.get(), id);
    }
}
