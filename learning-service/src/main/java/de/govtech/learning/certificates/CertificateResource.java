package de.govtech.learning.certificates;

import de.govtech.platform.support.security.CurrentCaller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.security.PlatformRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/certificates")
@Tag(name = "Certificates", description = "Certificates of completed courses, their Open Badges credentials, revocation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {

    private final CertificateService certificates;
    private final CurrentCaller caller;

    public CertificateResource(CertificateService certificates, CurrentCaller caller) {
        this.certificates = certificates;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "listCertificates", summary = "Certificates: own (staff), own municipality's (admin), all (platform admin)")
    @APIResponse(responseCode = "200", description = "One page of certificates, newest first")
    public Page<CertificateView> list(@Valid @BeanParam PageRequest paging) {
        return certificates.list(caller.get(), paging);
    }

    @GET
    @Path("/{certificateId}")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getCertificate", summary = "One certificate", description = "Another municipality's answers 404.")
    @APIResponse(responseCode = "200", description = "The certificate")
    public CertificateView get(@PathParam("certificateId") UUID certificateId) {
        return certificates.get(caller.get(), certificateId);
    }

    @GET
    @Path("/{certificateId}/credential")
    @Produces({OpenBadgeCredentials.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.MUNICIPALITY_STAFF})
    @Operation(operationId = "getCertificateCredential", summary = "The certificate as an Open Badges 3.0 VC-JWT",
            description = "A compact JWS (RS256) whose payload is the OpenBadgeCredential; verify it with the key of "
                    + "GET /issuer/jwks named by the header's kid. A revoked certificate answers 409.")
    @APIResponse(responseCode = "200", description = "The signed credential",
            content = @Content(mediaType = OpenBadgeCredentials.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    examples = "eyJraWQiOiJ….eyJAY29udGV4dCI6….c2lnbmF0dXJl")))
    public jakarta.ws.rs.core.Response credential(@PathParam("certificateId") UUID certificateId) {
        return jakarta.ws.rs.core.Response.ok(certificates.credential(caller.get(), certificateId), OpenBadgeCredentials.MEDIA_TYPE)
                .build();
    }

    @POST
    @Path("/{certificateId}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "revokeCertificate", summary = "Revoke a certificate (platform admins)",
            description = "Verification then says REVOKED. Emits certificate-revoked.")
    @APIResponse(responseCode = "200", description = "The revoked certificate")
    public CertificateView revoke(@PathParam("certificateId") UUID certificateId, @Valid RevocationRequest body) {
        return certificates.revoke(certificateId, body == null ? null : body.reason());
    }
}
