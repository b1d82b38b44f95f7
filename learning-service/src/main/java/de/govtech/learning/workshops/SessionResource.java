package de.govtech.learning.workshops;

import de.govtech.learning.catalogue.Catalogue;
import de.govtech.platform.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** One workshop session by id. */
@Path("/sessions")
@Tag(name = "Workshops")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SessionResource {

    private final WorkshopService workshops;
    private final Catalogue catalogue;
    private final CurrentCaller caller;

    public SessionResource(WorkshopService workshops, Catalogue catalogue, CurrentCaller caller) {
        this.workshops = workshops;
        this.catalogue = catalogue;
        this.caller = caller;
    }

    @GET
    @Path("/{sessionId}")
    @Operation(operationId = "getWorkshopSession", summary = "One workshop session with seats taken and waitlist length")
    @APIResponse(responseCode = "200", description = "The session")
    public WorkshopSessionView get(@PathParam("sessionId") UUID sessionId) {
        catalogue.requireBrowser(caller.get());
        return workshops.get(sessionId);
    }
}
