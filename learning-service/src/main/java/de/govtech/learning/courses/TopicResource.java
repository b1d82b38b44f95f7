package de.govtech.learning.courses;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The managed topic list. */
@Path("/topics")
@Tag(name = "Courses")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TopicResource {

    private final CourseService courses;

    public TopicResource(CourseService courses) {
        this.courses = courses;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listTopics", summary = "The topics courses are filed under")
    @APIResponse(responseCode = "200", description = "All topics by code")
    public List<TopicView> list() {
        return courses.topics();
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(operationId = "getTopic", summary = "One topic")
    @APIResponse(responseCode = "200", description = "The topic")
    public TopicView get(@PathParam("code") String code) {
        return courses.topic(code);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, LearningRoles.LEARNING_EDITOR})
    @Operation(operationId = "addTopic", summary = "Add a topic to the managed list")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = TopicView.class)))
    public Response add(@NotNull @Valid TopicView body, @Context UriInfo uri) {
        TopicView created = courses.addTopic(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }
}
