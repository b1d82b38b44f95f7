package de.govtech.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * A verifiable credential in VC-JWT form (compact JWS), checked the way a verifier outside the platform does it: the
 * RS256 signature against the issuer's published JWK whose {@code kid} the header names. Plain JDK crypto, so the
 * test shares no code with the service that signed it.
 */
record VcJwt(String compact, JsonNode header, JsonNode payload) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static VcJwt parse(String compact) {
        String[] parts = compact.strip().split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + compact);
        }
        return new VcJwt(compact.strip(), decode(parts[0]), decode(parts[1]));
    }

    /** True when the signature verifies with the key of the JWK set whose kid the header names. */
    boolean verifiesWith(JsonNode jwks) {
        String kid = header.path("kid").asText();
        for (JsonNode key : jwks.path("keys")) {
            if (kid.equals(key.path("kid").asText()) && "RSA".equals(key.path("kty").asText())) {
                return verifies(rsaKey(key));
            }
        }
        throw new IllegalStateException("no RSA key " + kid + " in the JWK set " + jwks);
    }

    /** The same credential with its payload replaced: the signature no longer fits. */
    VcJwt withPayload(JsonNode tampered) {
        String[] parts = compact.split("\\.");
        String payloadPart = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered.toString().getBytes(StandardCharsets.UTF_8));
        return new VcJwt(parts[0] + "." + payloadPart + "." + parts[2], header, tampered);
    }

    private boolean verifies(PublicKey key) {
        String[] parts = compact.split("\\.");
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PublicKey rsaKey(JsonNode jwk) {
        try {
            BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText()));
            BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()));
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA JWK: " + jwk, e);
        }
    }

    private static JsonNode decode(String part) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + part, e);
        }
    }
}
