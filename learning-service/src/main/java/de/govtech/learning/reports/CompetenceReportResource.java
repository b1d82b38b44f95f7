package de.govtech.learning.reports;

import de.govtech.platform.support.security.CurrentCaller;
import de.govtech.platform.support.security.PlatformRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

@Path("/reports/competence")
@Tag(name = "Reports", description = "Competence report: staff trained per topic and level, completions per quarter")
@SecurityRequirement(name = "bearer")
@RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN})
public class CompetenceReportResource {

    static final String CSV = "text/csv";

    private final CompetenceReports reports;
    private final CurrentCaller caller;

    public CompetenceReportResource(CompetenceReports reports, CurrentCaller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getCompetenceReport", summary = "Competence report (JSON, or CSV with Accept: text/csv)",
            description = "A municipality admin sees its own staff; a platform admin every municipality or the one named.")
    @APIResponse(responseCode = "200", description = "The report",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompetenceReport.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                            examples = "municipality_id,municipality_name,quarter,topic,level,learners,completions"))})
    public Response report(@QueryParam("municipalityId") @Parameter(description = "platform admins: only this municipality")
                           UUID municipalityId, @Context HttpHeaders headers) {
        CompetenceReport report = reports.report(reports.scope(caller.get(), Optional.ofNullable(municipalityId)));
        if (prefersCsv(headers)) {
            return Response.ok(CompetenceCsv.write(report.rows()), CSV + ";charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"kompetenzbericht.csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static boolean prefersCsv(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isWildcardType() || acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (acceptable.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
        }
        return false;
    }
}
