package de.govtech.learning.certificates;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public verification of a certificate by its code (no login): JSON, or a small HTML page for browsers. */
@Path("/verifications")
@Tag(name = "Verification", description = "Public certificate verification and the issuer's keys (no login)")
@PermitAll
public class VerificationResource {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("utf-8");

    private final CertificateService certificates;

    public VerificationResource(CertificateService certificates) {
        this.certificates = certificates;
    }

    @GET
    @Path("/{verificationCode}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(operationId = "verifyCertificate", summary = "Verify a certificate (no login)",
            description = "Holder, course, date of issue, issuer and status (ISSUED or REVOKED) — nothing else. JSON "
                    + "unless the client prefers text/html (a browser): then a small accessible page.")
    @APIResponse(responseCode = "200", description = "The certificate's public facts",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verification.class)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    public Response verify(@PathParam("verificationCode") @Parameter(example = "3f9a0c2e7b1d4e6f8a0b2c4d6e8f0a1b") String code,
                           @Context HttpHeaders headers) {
        Verification verification = certificates.verify(code);
        if (prefersHtml(headers)) {
            return Response.ok(VerificationPage.render(verification), HTML).build();
        }
        return Response.ok(verification, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The first acceptable type (by quality) decides; wildcards and JSON get JSON. */
    static boolean prefersHtml(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isWildcardType() || acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (acceptable.isCompatible(MediaType.TEXT_HTML_TYPE) || acceptable.isCompatible(MediaType.APPLICATION_XHTML_XML_TYPE)) {
                return true;
            }
        }
        return false;
    }
}
