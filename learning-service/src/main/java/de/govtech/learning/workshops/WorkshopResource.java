package de.govtech.learning.workshops;

import de.govtech.learning.catalogue.Catalogue;
import de.govtech.platform.support.security.CurrentCaller;
import de.govtech.learning.shared.LearningRoles;
import de.govtech.platform.support.security.PlatformRoles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Live workshop sessions (Termine) of a course: authors schedule them, learners see them. */
@Path("/courses/{courseId}/sessions")
@Tag(name = "Workshops", description = "Live workshop sessions of courses, times in Europe/Berlin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class WorkshopResource {

    private final WorkshopService workshops;
    private final Catalogue catalogue;
    private final CurrentCaller caller;

    public WorkshopResource(WorkshopService workshops, Catalogue catalogue, CurrentCaller caller) {
        this.workshops = workshops;
        this.catalogue = catalogue;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, LearningRoles.LEARNING_EDITOR})
    @Operation(operationId = "createWorkshopSession", summary = "Schedule a workshop session of a course")
    @APIResponse(responseCode = "201", description = "Scheduled",
            content = @Content(schema = @Schema(implementation = WorkshopSessionView.class)))
    public Response create(@PathParam("courseId") UUID courseId, @NotNull @Valid WorkshopSessionRequest body,
                           @Context UriInfo uri) {
        WorkshopSessionView created = workshops.create(courseId, body);
        return Response.created(uri.getBaseUriBuilder().path("sessions").path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "listWorkshopSessions", summary = "The sessions of a course, earliest first, with seats taken")
    @APIResponse(responseCode = "200", description = "The sessions")
    public List<WorkshopSessionView> list(@PathParam("courseId") UUID courseId) {
        catalogue.requireBrowser(caller.get());
        return workshops.ofCourse(courseId);
    }
}
