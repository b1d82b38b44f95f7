package de.govtech.marketplace.vendors;

import de.govtech.platform.support.security.PlatformRoles;
import de.govtech.platform.support.security.CurrentCaller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

@Path("/vendors")
@Tag(name = "Vendors", description = "Partner vendor organisations and their verification")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class VendorResource {

    private final VendorService vendors;
    private final CurrentCaller caller;

    public VendorResource(VendorService vendors, CurrentCaller caller) {
        this.vendors = vendors;
        this.caller = caller;
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @RolesAllowed(PlatformRoles.VENDOR)
    @Operation(operationId = "registerVendor", summary = "Register the caller's vendor organisation",
            description = "The vendor id is the caller's vendor_id claim. The vendor starts PENDING until a platform admin verifies it.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = VendorView.class)))
    @APIResponse(responseCode = "409", description = "The vendor or its VAT id is already registered",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response register(@NotNull @Valid VendorRegistration body, @Context UriInfo uri) {
        VendorView created = vendors.register(caller.get(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "listVendors", summary = "List all vendors (platform admins)")
    @APIResponse(responseCode = "200", description = "One page of vendors")
    public Page<VendorView> list(@Valid @BeanParam PageRequest paging, @QueryParam("status") VendorStatus status) {
        return vendors.list(paging, Optional.ofNullable(status));
    }

    @GET
    @Path("/{vendorId}")
    @RolesAllowed({PlatformRoles.VENDOR, PlatformRoles.PLATFORM_ADMIN})
    @Operation(operationId = "getVendor", summary = "One vendor",
            description = "Vendor users see only their own vendor; another vendor's id answers 404.")
    @APIResponse(responseCode = "200", description = "The vendor")
    public VendorView get(@PathParam("vendorId") UUID vendorId) {
        return vendors.get(caller.get(), vendorId);
    }

    @POST
    @Path("/{vendorId}/verify")
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "verifyVendor", summary = "Verify a vendor (platform admins)",
            description = "Marks the vendor VERIFIED; from then on its listings may be submitted for review.")
    @APIResponse(responseCode = "200", description = "The verified vendor")
    @APIResponse(responseCode = "409", description = "Already verified",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public VendorView verify(@PathParam("vendorId") UUID vendorId) {
        return vendors.verify(caller.get(), vendorId);
    }
}
