package de.govtech.learning.certificates;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * The issuer's RS256 key: from the configured PEM file, else generated once and stored in the database (the first
 * instance to insert wins; everyone then reads the stored one), so all instances and restarts sign with one key.
 * Its {@code kid} is the RFC 7638 thumbprint of the public key.
 */
@ApplicationScoped
public class SigningKeys {

    private final CredentialsConfig config;
    private final EntityManager entities;
    private final Clock clock;
    private volatile RSAKey key;

    public SigningKeys(CredentialsConfig config, EntityManager entities, Clock clock) {
        this.config = config;
        this.entities = entities;
        this.clock = clock;
    }

    public RSAKey signingKey() {
        RSAKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                current = key;
            }
        }
        return current;
    }

    public JWKSet publicKeys() {
        return new JWKSet(signingKey().toPublicJWK());
    }

    private RSAKey load() {
        String pem = config.signingKeyLocation().map(SigningKeys::readFile).orElseGet(this::storedOrGenerated);
        try {
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(decodePem(pem)));
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint().build();
        } catch (GeneralSecurityException | JOSEException | ClassCastException e) {
            throw new IllegalStateException("The issuer's signing key is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    private String storedOrGenerated() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> stored = entities.createNativeQuery("select private_key_pem from signing_key where id = 1").getResultList();
            if (!stored.isEmpty()) {
                return stored.get(0).toString();
            }
            entities.createNativeQuery("insert into signing_key (id, private_key_pem, created_at) values (1, :pem, :at) "
                            + "on conflict (id) do nothing")
                    .setParameter("pem", generatePem()).setParameter("at", clock.instant()).executeUpdate();
            return entities.createNativeQuery("select private_key_pem from signing_key where id = 1")
                    .getSingleResult().toString();
        });
    }

    private static String generatePem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is unavailable", e);
        }
    }

    static byte[] decodePem(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String readFile(String location) {
        try {
            return Files.readString(Path.of(location));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the signing key at " + location, e);
        }
    }
}
