package de.govtech.marketplace.osb;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the marketplace reaches vendors' brokers ({@code govtech.marketplace.brokers.*}). */
@ConfigMapping(prefix = "govtech.marketplace.brokers")
public interface BrokerConfig {

    /** Accept and call plain {@code http} broker URLs (dev, test and the local stack only). */
    @WithDefault("false")
    boolean allowPlainHttp();

    /** Accept and call brokers on loopback and private addresses (dev, test and the local stack only). */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Base64 of the 256-bit AES key that encrypts broker passwords at rest; no default: required outside dev/test. */
    String encryptionKey();
}
