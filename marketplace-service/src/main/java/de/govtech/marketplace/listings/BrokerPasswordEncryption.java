package de.govtech.marketplace.listings;

import de.govtech.marketplace.osb.PasswordCipher;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Encrypts broker passwords stored in plaintext before V10 at start. Rows are locked, so instances starting together
 * encrypt each row once.
 */
@ApplicationScoped
public class BrokerPasswordEncryption {

    private final EntityManager em;
    private final PasswordCipher passwords;

    public BrokerPasswordEncryption(EntityManager em, PasswordCipher passwords) {
        this.em = em;
        this.passwords = passwords;
    }

    void onStart(@Observes StartupEvent event) {
        int encrypted = encryptPlaintextPasswords();
        if (encrypted > 0) {
            Log.infof("Encrypted %d broker passwords stored in plaintext", encrypted);
        }
    }

    @Transactional
    public int encryptPlaintextPasswords() {
        List<ListingRevision> plain = em.createQuery(
                        "from ListingRevision r where r.brokerPasswordEncrypted = false", ListingRevision.class)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (ListingRevision revision : plain) {
            revision.brokerPassword = passwords.encrypt(revision.brokerPassword);
            revision.brokerPasswordEncrypted = true;
        }
        return plain.size();
    }
}
