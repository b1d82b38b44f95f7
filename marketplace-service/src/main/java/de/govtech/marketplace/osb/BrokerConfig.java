package de.govtech.marketplace.osb;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** How the marketplace reaches vendors' brokers ({@code govtech.marketplace.brokers.*}). */
@ConfigMapping(prefix = "govtech.marketplace.brokers")
public interface BrokerConfig {

    /** Accept and call plain {@code http} broker URLs (dev, test and the local stack only). */
    @WithDefault("false")
    boolean allowPlainHttp();

    /** Accept and call brokers on loopback and private addresses (dev, test and the local stack only). */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /**
     * The name of a Quarkus TLS configuration ({@code quarkus.tls.<name>.trust-store.*}) whose trust store https
     * brokers' certificates must chain to. Unset: the JVM's trust store.
     */
    Optional<String> tlsConfigurationName();

    /** Base64 of the 256-bit AES key that encrypts broker passwords at rest; no default: required outside dev/test. */
    String encryptionKey();
}
