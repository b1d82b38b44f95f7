package de.govtech.membership.fees;

import de.govtech.platform.support.security.CurrentCaller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.security.PlatformRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Fee schedules, managed by platform admins. */
@Path("/fees/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fees")
@RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
public class FeeScheduleResource {

    private final FeeScheduleService schedules;
    private final CurrentCaller caller;

    public FeeScheduleResource(FeeScheduleService schedules, CurrentCaller caller) {
        this.schedules = schedules;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listFeeSchedules", summary = "List fee schedules, latest first")
    @APIResponse(responseCode = "200", description = "One page of schedules (without their scales)")
    public Page<FeeScheduleSummary> list(@Valid @BeanParam PageRequest paging) {
        return schedules.list(paging);
    }

    @GET
    @Path("/{year}")
    @Operation(operationId = "getFeeSchedule", summary = "Read the fee schedule valid from a year, with its scales and bands")
    @APIResponse(responseCode = "200", description = "The schedule")
    public FeeScheduleView get(@Parameter(description = "the year the schedule is valid from", example = "2026")
                               @PathParam("year") @Min(2000) @Max(2999) int year) {
        return schedules.get(year);
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putFeeSchedule", summary = "Create or replace the fee schedule valid from a year",
            description = "All of it or nothing: one scale per type of authority, bands contiguous from 0 with the last one "
                    + "open-ended, every band's fee within the scale's minimum and maximum. Invoices already issued keep "
                    + "their amounts and schedule version."
                    + " An inconsistent schedule is refused with 422 (overlapping or gapped bands, minimum above "
                    + "maximum, a missing or repeated type …), each naming its field.")
    @APIResponse(responseCode = "201", description = "Created; Location names the schedule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeeScheduleView.class)))
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "409", description = "Created concurrently by another admin (problem+json)")
    public Response put(@Parameter(description = "the year the schedule is valid from", example = "2027")
                        @PathParam("year") @Min(2000) @Max(2999) int year,
                        @Valid @NotNull FeeScheduleRequest request, @Context UriInfo uri) {
        FeeScheduleService.Stored stored = schedules.replace(caller.get(), year, request);
        if (stored.created()) {
            return Response.created(uri.getAbsolutePath()).entity(stored.schedule()).build();
        }
        return Response.ok(stored.schedule()).build();
    }
}
