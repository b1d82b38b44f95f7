package de.govtech.learning.certificates;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** A JSON Web Key Set (RFC 7517) with the issuer's public signing key(s). */
@Schema(name = "JwkSet")
public record JwkSet(@Schema(description = "public RSA keys: kty, kid, use, alg, n, e") List<Map<String, Object>> keys) {
}
