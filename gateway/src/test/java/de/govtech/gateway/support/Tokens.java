package de.govtech.gateway.support;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/** Real RS256 tokens as Keycloak would issue them, signed with the test key the gateway trusts (or not). */
public final class Tokens {

    public static final String ISSUER = "http://localhost:8180/realms/govtech";
    public static final String AUDIENCE = "govtech-services";

    private Tokens() {
    }

    public static String valid(String subject) {
        return sign(claims(subject), trustedKey());
    }

    public static String expired(String subject) {
        return sign(claims(subject).issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(1800)),
                trustedKey());
    }

    /** Valid until {@code exp} (JWT times are whole seconds). */
    public static String expiringAt(String subject, Instant exp) {
        return sign(claims(subject).expiresAt(exp.getEpochSecond()), trustedKey());
    }

    /** Signed with the trusted key, but issued by another realm (another tenant). */
    public static String otherIssuer(String subject) {
        return sign(claims(subject).issuer("http://localhost:8180/realms/other-tenant"), trustedKey());
    }

    public static String wrongAudience(String subject) {
        return sign(claims(subject).audience("some-other-client"), trustedKey());
    }

    /** Same claims, signed with a key the gateway has never seen. */
    public static String forged(String subject) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(claims(subject), generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(String subject) {
        return Jwt.issuer(ISSUER).subject(subject).audience(AUDIENCE).upn(subject + "@test")
                .groups("municipality-admin").expiresIn(600);
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId("test").sign(key);
    }

    private static PrivateKey trustedKey() {
        try {
            return KeyUtils.readPrivateKey("test-keys/private.pem");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
