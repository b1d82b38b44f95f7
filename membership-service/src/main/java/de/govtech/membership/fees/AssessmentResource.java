package de.govtech.membership.fees;

import de.govtech.platform.support.security.PlatformRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The yearly assessment (Beitragsveranlagung), run by platform admins. */
@Path("/fees/assessments/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fees")
@RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
public class AssessmentResource {

    private final AssessmentService assessments;

    public AssessmentResource(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @POST
    @Operation(operationId = "assessFees", summary = "Run the yearly assessment: one invoice per member of the year",
            description = "Every membership that covered at least one whole calendar month of the year gets one invoice: "
                    + "annual fee × chargeable months / 12 (a month counts when the membership covers all of it). Safe to run "
                    + "again and concurrently: memberships invoiced already are counted, not invoiced twice. Each fee uses "
                    + "the member's population figure valid at the schedule's populationReferenceDate (Stichtag); a member "
                    + "without one is listed as skipped (POPULATION_MISSING), never invoiced at zero, and invoiced by a later "
                    + "run once its figure is recorded."
                    + " Refused with 422 when no fee schedule is valid in the year, or the year lies more than one "
                    + "year ahead (problem+json, field year)")
    @APIResponse(responseCode = "201", description = "Invoices were created; Location names the year's assessment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentResult.class)))
    @APIResponse(responseCode = "200", description = "Nothing new to invoice")
    public Response assess(@Parameter(description = "the year to assess", example = "2026")
                           @PathParam("year") @Min(2000) @Max(2999) int year, @Context UriInfo uri) {
        AssessmentResult result = assessments.assess(year);
        if (result.createdInvoiceIds().isEmpty()) {
            return Response.ok(result).build();
        }
        return Response.created(uri.getAbsolutePath()).entity(result).build();
    }

    @GET
    @Operation(operationId = "getFeeAssessment", summary = "The invoices of a year, counted by state, with their sums")
    @APIResponse(responseCode = "200", description = "The year's assessment (all counts 0 if it has not run)")
    public AssessmentSummary get(@Parameter(description = "the assessed year", example = "2026")
                                 @PathParam("year") @Min(2000) @Max(2999) int year) {
        return assessments.summary(year);
    }
}
