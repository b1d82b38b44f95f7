package de.govtech.learning.recommendations;

import de.govtech.platform.support.security.CurrentCaller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.security.PlatformRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/recommendations")
@Tag(name = "Recommendations", description = "Courses for the apps a municipality has provisioned in the marketplace")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN})
public class RecommendationResource {

    private final Recommendations recommendations;
    private final CurrentCaller caller;

    public RecommendationResource(Recommendations recommendations, CurrentCaller caller) {
        this.recommendations = recommendations;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listRecommendations", summary = "Courses recommended for the apps the municipality uses",
            description = "Published courses linked to an app provisioned for the admin's municipality (platform admins: "
                    + "every municipality); gone once the app is deprovisioned.")
    @APIResponse(responseCode = "200", description = "One page of recommendations")
    public Page<Recommendation> list(@Valid @BeanParam PageRequest paging) {
        return recommendations.list(caller.get(), paging);
    }
}
