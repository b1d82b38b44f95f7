package de.govtech.learning.enrolments;

import de.govtech.learning.progress.AttemptRequest;
import de.govtech.learning.progress.AttemptView;
import de.govtech.learning.progress.ProgressService;
import de.govtech.platform.support.security.CurrentCaller;
import de.govtech.learning.shared.LearningRoles;
import de.govtech.platform.support.problem.DomainProblemException;
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

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/enrolments")
@Tag(name = "Enrolments", description = "Enrolment in courses and workshop sessions, waitlist, cancellation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentResource {

    private final EnrolmentService enrolments;
    private final ProgressService progress;
    private final CurrentCaller caller;

    public EnrolmentResource(EnrolmentService enrolments, ProgressService progress, CurrentCaller caller) {
        this.enrolments = enrolments;
        this.progress = progress;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "enrol", summary = "Enrol in a course (and a workshop session)",
            description = "ENROLLED while the session has seats, else WAITLISTED with a position. Staff enrol "
                    + "themselves; a municipality admin may enrol its own staff by learnerId. Refused with 403 "
                    + "membership-suspended / membership-required unless the municipality is an active member. "
                    + "Emits enrolment-created.")
    @APIResponse(responseCode = "201", description = "Enrolled or waitlisted",
            content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    public Response enrol(@NotNull @Valid EnrolmentRequest body, @Context UriInfo uri) {
        EnrolmentView created = enrolments.enrol(caller.get(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "listEnrolments", summary = "Enrolments: own (staff), own municipality's (admin), all (platform admin)")
    @APIResponse(responseCode = "200", description = "One page of enrolments, newest first")
    public Page<EnrolmentView> list(@Valid @BeanParam PageRequest paging,
                                    @QueryParam("courseId") @Parameter(description = "only of this course") UUID courseId,
                                    @QueryParam("status") @Parameter(description = "only in this status") EnrolmentStatus status,
                                    @QueryParam("learnerId") @Parameter(description = "only of this learner") String learnerId) {
        return enrolments.list(caller.get(), Optional.ofNullable(courseId), Optional.ofNullable(status),
                Optional.ofNullable(learnerId).filter(l -> !l.isBlank()), paging);
    }

    @GET
    @Path("/{enrolmentId}")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getEnrolment", summary = "One enrolment with the learner's progress",
            description = "Another municipality's enrolment answers 404.")
    @APIResponse(responseCode = "200", description = "The enrolment")
    public EnrolmentView get(@PathParam("enrolmentId") UUID enrolmentId) {
        return enrolments.get(caller.get(), enrolmentId);
    }

    @POST
    @Path("/{enrolmentId}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "cancelEnrolment", summary = "Cancel an enrolment",
            description = "A freed seat goes to the first on the waitlist (enrolment-promoted). Emits enrolment-cancelled.")
    @APIResponse(responseCode = "200", description = "The cancelled enrolment")
    public EnrolmentView cancel(@PathParam("enrolmentId") UUID enrolmentId, @Valid CancellationRequest body) {
        return enrolments.cancel(caller.get(), enrolmentId, body == null ? null : body.reason());
    }

    @POST
    @Path("/{enrolmentId}/lessons/{lessonId}/complete")
    @RolesAllowed({PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "completeLesson", summary = "Mark a lesson as completed (the learner themself)",
            description = "Quiz lessons are completed by a passing attempt instead. When the course's completion "
                    + "criteria are met, the enrolment is COMPLETED (course-completed, once) and a certificate is "
                    + "issued (certificate-issued).")
    @APIResponse(responseCode = "200", description = "The enrolment with its progress")
    public EnrolmentView completeLesson(@PathParam("enrolmentId") UUID enrolmentId, @PathParam("lessonId") UUID lessonId) {
        return progress.completeLesson(caller.get(), enrolmentId, lessonId);
    }

    @POST
    @Path("/{enrolmentId}/quizzes/{lessonId}/attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "attemptQuiz", summary = "Answer a quiz; graded on the server",
            description = "Every attempt is kept. A passing attempt completes the quiz lesson and counts for QUIZ_PASSED.")
    @APIResponse(responseCode = "201", description = "The graded attempt",
            content = @Content(schema = @Schema(implementation = AttemptView.class)))
    public Response attempt(@PathParam("enrolmentId") UUID enrolmentId, @PathParam("lessonId") UUID lessonId,
                            @NotNull @Valid AttemptRequest body, @Context UriInfo uri) {
        AttemptView graded = progress.attempt(caller.get(), enrolmentId, lessonId, body);
        return Response.created(uri.getAbsolutePathBuilder().path(graded.id().toString()).build()).entity(graded).build();
    }

    @GET
    @Path("/{enrolmentId}/quizzes/{lessonId}/attempts")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "listQuizAttempts", summary = "Every graded attempt at a quiz, oldest first")
    @APIResponse(responseCode = "200", description = "The attempts")
    public List<AttemptView> attempts(@PathParam("enrolmentId") UUID enrolmentId, @PathParam("lessonId") UUID lessonId) {
        return progress.attempts(caller.get(), enrolmentId, lessonId);
    }

    @GET
    @Path("/{enrolmentId}/quizzes/{lessonId}/attempts/{attemptId}")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getQuizAttempt", summary = "One graded attempt")
    @APIResponse(responseCode = "200", description = "The attempt")
    public AttemptView attempt(@PathParam("enrolmentId") UUID enrolmentId, @PathParam("lessonId") UUID lessonId,
                               @PathParam("attemptId") UUID attemptId) {
        return progress.attempts(caller.get(), enrolmentId, lessonId).stream().filter(a -> a.id().equals(attemptId))
                .findFirst().orElseThrow(() -> DomainProblemException.notFound("Quiz attempt", attemptId));
    }

    @POST
    @Path("/{enrolmentId}/confirm-attendance")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, LearningRoles.LEARNING_EDITOR})
    @Operation(operationId = "confirmAttendance", summary = "Confirm that the learner attended their workshop session",
            description = "By the trainer's side (learning editors, platform admins); counts for WORKSHOP_ATTENDED. "
                    + "Confirming again changes nothing.")
    @APIResponse(responseCode = "200", description = "The enrolment")
    public EnrolmentView confirmAttendance(@PathParam("enrolmentId") UUID enrolmentId) {
        return progress.markAttended(enrolmentId);
    }
}
