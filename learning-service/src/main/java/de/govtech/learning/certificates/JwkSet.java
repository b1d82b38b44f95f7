package de.govtech.learning.certificates;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

@Schema(name = "JwkSet", description = "A JSON Web Key Set (RFC 7517) with the issuer's public signing keys, to "
        + "verify certificates offline",
        examples = """
        {"keys": [{"kty": "RSA", "kid": "HYkeqdmpJ-8R9cosydCDazX-fg2bJZVdHoWfq81V3ZA", "use": "sig", "alg": "RS256",
         "e": "AQAB", "n": "nVUnPbBwraLJ0JkzIiA4pEreUx2p8hCjoWo6tmSQbJLSfRUYHgPXlvxon2nbWfH9JA5bmSmxTjC4RL93q8U136NWq970IkSEyiiYXhEX0zqkdtrmhC5TET3mW0uZnnJNcsFkukuCQVR68bxsE1spQkyXUD7FyUBhC47oARlmN4wD7m8YUb_6O7z0IY5i4qbkYVDiMeysOAloG3K9G60eGfg_pN2pfbX3B1a344e-JB1UToYiO5Ie5szcSu5g1YyGya-IB04OK82sL9rA6lxU5J2km1K45Y527BE8w6LGlYwwUOAknAxJqwmHF1aLUblni338wV9T-z2DYWJ9nRueLQ"}]}""")
public record JwkSet(@Schema(description = "public RSA keys: kty, kid, use, alg, n, e") List<Map<String, Object>> keys) {
}
