package de.govtech.learning.certificates;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The issuer of the certificates' Open Badges credentials and its signing key. */
@ConfigMapping(prefix = "learning.credentials")
public interface CredentialsConfig {

    /**
     * PEM file (PKCS#8 "PRIVATE KEY") with the issuer's RSA key. Without it, a key is generated once and kept in the
     * service's database, so every instance and restart signs with the same key.
     */
    Optional<String> signingKeyLocation();

    /** Public base URL the platform is reached at (the gateway); the issuer's ids and key URL hang below it. */
    @WithDefault("https://govtech-kommunal.de")
    String publicBaseUrl();

    @WithDefault("GovTech Kommunal e.V.")
    String issuerName();

    @WithDefault("https://govtech-kommunal.de")
    String issuerUrl();
}
