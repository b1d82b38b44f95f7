package de.govtech.marketplace.osb;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The configured {@link BrokerAddressRule} (used at registration and before every broker call) and
 * {@link PasswordCipher} (a missing or malformed key fails the start).
 */
public class BrokerEgress {

    @Produces
    @Singleton
    BrokerAddressRule addressRule(BrokerConfig config) {
        return BrokerAddressRule.withDns(config.allowPlainHttp(), config.allowPrivateTargets());
    }

    @Produces
    @Singleton
    PasswordCipher passwordCipher(BrokerConfig config) {
        return new PasswordCipher(config.encryptionKey());
    }
}
