package de.govtech.learning.certificates;

import com.nimbusds.jose.jwk.JWK;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The credential issuer: its Open Badges profile and its public keys (no login). */
@Path("/issuer")
@Tag(name = "Verification")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class IssuerResource {

    private final OpenBadgeCredentials credentials;
    private final SigningKeys keys;

    public IssuerResource(OpenBadgeCredentials credentials, SigningKeys keys) {
        this.credentials = credentials;
        this.keys = keys;
    }

    @GET
    @Operation(operationId = "getIssuer", summary = "The issuer's Open Badges Profile")
    @APIResponse(responseCode = "200", description = "The profile; its id is the iss of every credential")
    public IssuerProfile issuer() {
        return credentials.issuer();
    }

    @GET
    @Path("/jwks")
    @Operation(operationId = "getIssuerKeys", summary = "The issuer's public signing keys as a JWK set",
            description = "The kid matches the header of every VC-JWT.")
    @APIResponse(responseCode = "200", description = "The JWK set")
    public JwkSet keys() {
        return new JwkSet(keys.publicKeys().getKeys().stream().map(JWK::toJSONObject).toList());
    }
}
