package de.govtech.marketplace.listings;

import de.govtech.platform.support.security.PlatformRoles;
import de.govtech.platform.support.security.CurrentCaller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.marketplace.listings.ListingViews.DecisionView;
import de.govtech.marketplace.listings.ListingViews.ListingSummary;
import de.govtech.marketplace.listings.ListingViews.ListingView;
import de.govtech.marketplace.listings.ListingViews.ReasonRequest;
import de.govtech.marketplace.listings.ListingViews.RevisionView;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

@Path("/listings")
@Tag(name = "Listings", description = "Vendors' app listings and their review workflow: draft → submitted → published | rejected → delisted")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ListingResource {

    static final String EXAMPLE = """
            {
              "slug": "buergerportal-plus",
              "content": {
                "name": "Bürgerportal Plus",
                "summary": "Online-Anträge für Bürgerinnen und Bürger",
                "description": "Ein Portal für Online-Anträge nach OZG, mit BundID-Anbindung.",
                "category": "CITIZEN_SERVICES",
                "tags": ["OZG", "BundID"],
                "plans": [
                  {"name": "Basis", "description": "Drei Verfahren", "priceModel": "FREE", "price": 0},
                  {"name": "Standard", "description": "Alle Verfahren", "priceModel": "PER_INHABITANT_PER_YEAR", "price": 0.12}
                ],
                "compliance": {"hostedInGermany": true, "bsiC5": true, "gdprDpaAvailable": true,
                               "bitvAccessible": true, "openSourceLicence": "EUPL-1.2"},
                "cloudTargets": ["stackit:eu01"],
                "documentationUrl": "https://docs.example.de/buergerportal",
                "supportUrl": "https://support.example.de"
              },
              "broker": {"url": "https://broker.example.de/osb", "username": "marketplace", "password": "REPLACE-WITH-BROKER-PASSWORD"}
            }""";

    private final ListingService listings;
    private final CurrentCaller caller;

    public ListingResource(ListingService listings, CurrentCaller caller) {
        this.listings = listings;
        this.caller = caller;
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @RolesAllowed(PlatformRoles.VENDOR)
    @Operation(operationId = "createListing", summary = "Create a draft listing for the caller's vendor",
            description = "The vendor must be registered. The broker endpoint and credentials are stored, never returned.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "listing", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Draft created",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response create(@NotNull @Valid ListingRequest body, @Context UriInfo uri) {
        ListingView created = listings.create(caller.get(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({PlatformRoles.VENDOR, PlatformRoles.PLATFORM_ADMIN})
    @Operation(operationId = "listListings", summary = "Listings the caller may see",
            description = "Vendor users get their vendor's listings, platform admins all (e.g. status=SUBMITTED is the review queue).")
    @APIResponse(responseCode = "200", description = "One page of listings")
    public Page<ListingSummary> list(@Valid @BeanParam PageRequest paging, @QueryParam("status") ListingStatus status) {
        return listings.list(caller.get(), paging, Optional.ofNullable(status));
    }

    @GET
    @Path("/{listingId}")
    @RolesAllowed({PlatformRoles.VENDOR, PlatformRoles.PLATFORM_ADMIN})
    @Operation(operationId = "getListing", summary = "One listing with its published and pending revision",
            description = "Another vendor's listing answers 404.")
    @APIResponse(responseCode = "200", description = "The listing")
    public ListingView get(@PathParam("listingId") UUID listingId) {
        return listings.get(caller.get(), listingId);
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @PUT
    @Path("/{listingId}")
    @RolesAllowed(PlatformRoles.VENDOR)
    @Operation(operationId = "updateListing", summary = "Change a listing",
            description = "Changes the pending draft, or starts a new revision after a publication or rejection (the published "
                    + "revision stays visible). Omit broker to keep the stored one. Refused while a revision is under review."
                    + " A slug change after publication is refused with 422.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "listing", value = EXAMPLE)))
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "409", description = "Under review, delisted or slug taken",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response update(@PathParam("listingId") UUID listingId, @NotNull @Valid ListingRequest body) {
        listings.update(caller.get(), listingId, body);
        return Response.noContent().build();
    }

    @POST
    @Path("/{listingId}/submit")
    @RolesAllowed(PlatformRoles.VENDOR)
    @Operation(operationId = "submitListing", summary = "Submit the pending draft for review",
            description = "Only a verified vendor's listing can be submitted (else 409 vendor-not-verified).")
    @APIResponse(responseCode = "200", description = "Submitted",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "409", description = "Nothing to submit, or the vendor is not verified",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public ListingView submit(@PathParam("listingId") UUID listingId) {
        return listings.submit(caller.get(), listingId);
    }

    @POST
    @Path("/{listingId}/publish")
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "publishListing", summary = "Publish the submitted revision (platform admins)",
            description = "The revision replaces the published one in the catalogue; emits app-published.")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "409", description = "No submitted revision",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public ListingView publish(@PathParam("listingId") UUID listingId) {
        return listings.publish(caller.get(), listingId);
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("/{listingId}/reject")
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "rejectListing", summary = "Reject the submitted revision with a reason (platform admins)")
    @APIResponse(responseCode = "200", description = "Rejected",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "409", description = "No submitted revision",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public ListingView reject(@PathParam("listingId") UUID listingId, @NotNull @Valid ReasonRequest body) {
        return listings.reject(caller.get(), listingId, body.reason());
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("/{listingId}/delist")
    @RolesAllowed({PlatformRoles.VENDOR, PlatformRoles.PLATFORM_ADMIN})
    @Operation(operationId = "delistListing", summary = "Remove a published listing from the catalogue",
            description = "Platform admins or the owning vendor; emits app-delisted. Delisting is final.")
    @APIResponse(responseCode = "200", description = "Delisted",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "409", description = "Not published",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public ListingView delist(@PathParam("listingId") UUID listingId, @NotNull @Valid ReasonRequest body) {
        return listings.delist(caller.get(), listingId, body.reason());
    }

    @GET
    @Path("/{listingId}/revisions")
    @RolesAllowed({PlatformRoles.VENDOR, PlatformRoles.PLATFORM_ADMIN})
    @Operation(operationId = "listListingRevisions", summary = "Every revision of a listing, oldest first")
    @APIResponse(responseCode = "200", description = "One page of revisions")
    public Page<RevisionView> revisions(@PathParam("listingId") UUID listingId, @Valid @BeanParam PageRequest paging) {
        return listings.revisions(caller.get(), listingId, paging);
    }

    @GET
    @Path("/{listingId}/decisions")
    @RolesAllowed({PlatformRoles.VENDOR, PlatformRoles.PLATFORM_ADMIN})
    @Operation(operationId = "listListingDecisions", summary = "The listing's history: who did what to which revision, when, why")
    @APIResponse(responseCode = "200", description = "One page of history entries, oldest first")
    public Page<DecisionView> decisions(@PathParam("listingId") UUID listingId, @Valid @BeanParam PageRequest paging) {
        return listings.decisions(caller.get(), listingId, paging);
    }
}
