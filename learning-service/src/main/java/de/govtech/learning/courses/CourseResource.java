package de.govtech.learning.courses;

import de.govtech.platform.support.security.CurrentCaller;
import de.govtech.learning.shared.LearningRoles;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.security.PlatformRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

/** Course authoring: platform admins and learning editors. */
@Path("/courses")
@Tag(name = "Courses", description = "Authoring of courses: draft → published → archived (platform admins, learning editors)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({PlatformRoles.PLATFORM_ADMIN, LearningRoles.LEARNING_EDITOR})
public class CourseResource {

    private final CourseService courses;
    private final CurrentCaller caller;

    public CourseResource(CourseService courses, CurrentCaller caller) {
        this.courses = courses;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCourse", summary = "Create a draft course",
            description = "Lesson, question and option ids are kept when sent and assigned when absent. The completion "
                    + "criteria start as ALL_LESSONS.")
    @APIResponse(responseCode = "201", description = "The draft",
            content = @Content(schema = @Schema(implementation = CourseView.class)))
    public Response create(@NotNull @Valid CourseRequest body, @Context UriInfo uri) {
        CourseView created = courses.create(caller.get(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listCourses", summary = "All courses in any status, last changed first")
    @APIResponse(responseCode = "200", description = "One page of courses")
    public Page<CourseView> list(@Valid @BeanParam PageRequest paging,
                                 @QueryParam("status") @Parameter(description = "only in this status") CourseStatus status) {
        return courses.list(paging, Optional.ofNullable(status));
    }

    @GET
    @Path("/{courseId}")
    @Operation(operationId = "getCourse", summary = "One course with its lessons, quiz answers and completion criteria")
    @APIResponse(responseCode = "200", description = "The course")
    public CourseView get(@PathParam("courseId") UUID courseId) {
        return courses.get(courseId);
    }

    @PUT
    @Path("/{courseId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reviseCourse", summary = "Replace the content of a draft course")
    @APIResponse(responseCode = "204", description = "Revised")
    public void revise(@PathParam("courseId") UUID courseId, @NotNull @Valid CourseRequest body) {
        courses.revise(courseId, body);
    }

    @PUT
    @Path("/{courseId}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "defineCourseCompletion", summary = "Set the completion criteria of a draft course",
            description = "ALL_LESSONS, REQUIRED_LESSONS, QUIZ_PASSED (naming a QUIZ lesson) and WORKSHOP_ATTENDED, "
                    + "combined with ALL or ANY.")
    @APIResponse(responseCode = "204", description = "Set")
    public void defineCompletion(@PathParam("courseId") UUID courseId, @NotNull @Valid CompletionCriteria body) {
        courses.defineCompletion(courseId, body);
    }

    @POST
    @Path("/{courseId}/publish")
    @Operation(operationId = "publishCourse", summary = "Publish a draft course into the catalogue",
            description = "Emits course-published.")
    @APIResponse(responseCode = "200", description = "The published course")
    public CourseView publish(@PathParam("courseId") UUID courseId) {
        return courses.publish(courseId);
    }

    @POST
    @Path("/{courseId}/archive")
    @Operation(operationId = "archiveCourse", summary = "Archive a published course",
            description = "It leaves the catalogue; enrolments and certificates stay.")
    @APIResponse(responseCode = "200", description = "The archived course")
    public CourseView archive(@PathParam("courseId") UUID courseId) {
        return courses.archive(courseId);
    }
}
