package de.govtech.learning.catalogue;

import de.govtech.learning.courses.LearnerCourse;
import de.govtech.platform.support.security.CurrentCaller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The course catalogue for signed-in staff of member municipalities. */
@Path("/catalogue/courses")
@Tag(name = "Catalogue", description = "Published courses for staff of active member municipalities")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CatalogueResource {

    private final Catalogue catalogue;
    private final CurrentCaller caller;

    public CatalogueResource(Catalogue catalogue, CurrentCaller caller) {
        this.catalogue = catalogue;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "searchCourses", summary = "Search published courses",
            description = "German full-text search over title (weighted highest), summary and description, filtered by "
                    + "topic, level and format; ranked by relevance, without q by title. Staff and admins of ACTIVE "
                    + "member municipalities, learning editors and platform admins.")
    @APIResponse(responseCode = "200", description = "One page of published courses")
    public Page<CatalogueCourse> search(@Valid @BeanParam CatalogueFilter filter, @Valid @BeanParam PageRequest paging) {
        return catalogue.search(caller.get(), filter, filter.level, filter.format, paging);
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getCatalogueCourse", summary = "One published course with its lessons (no quiz answers)")
    @APIResponse(responseCode = "200", description = "The course")
    public LearnerCourse get(@PathParam("slug") @Parameter(example = "ki-grundlagen-verwaltung") String slug) {
        return catalogue.bySlug(caller.get(), slug);
    }
}
