package de.govtech.membership.fees;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import de.govtech.platform.events.membership.MunicipalityType;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public fee calculator (Beitragsrechner): anyone thinking of joining may ask, without a token. */
@Path("/fees/quote")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fees", description = "Fee schedules (Beitragsordnung), the public fee calculator, the yearly assessment and invoices")
public class FeeQuoteResource {

    private final FeeScheduleService schedules;

    public FeeQuoteResource(FeeScheduleService schedules) {
        this.schedules = schedules;
    }

    @GET
    @PermitAll
    @SecurityRequirementsSet
    @Operation(operationId = "quoteFee", summary = "Quote the annual membership fee (public, no login)",
            description = "The annual fee a municipality of this type and population pays for a full year of membership under "
                    + "the schedule in force for the year (the latest schedule valid from that year or earlier): the band "
                    + "that applied and the schedule's version. exampleSchedule tells whether the schedule is only an "
                    + "illustrative example. Bands run from their lower bound (inclusive) to their upper bound (exclusive). "
                    + "Refused with 422 when no schedule is valid in the year (problem type no-fee-schedule, field year).")
    @APIResponse(responseCode = "200", description = "The quote")
    // the shared filter documents 422 on state-changing operations only; this GET refers to the same response
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public FeeQuote quote(
            @Parameter(description = "type of authority", required = true, example = "GEMEINDE",
                    schema = @Schema(type = SchemaType.STRING, implementation = MunicipalityType.class))
            @QueryParam("type") @NotNull MunicipalityType type,
            @Parameter(description = "population (Einwohnerzahl), 0 or more", required = true, example = "4711",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000000"))
            @QueryParam("population") @NotNull @Min(0) @Max(100_000_000) Integer population,
            @Parameter(description = "year; defaults to the current year", example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2999"))
            @QueryParam("year") @Min(2000) @Max(2999) Integer year) {
        return schedules.quote(type, population, year);
    }
}
