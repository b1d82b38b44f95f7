package de.govtech.learning.certificates;

import de.govtech.platform.support.security.Caller;

/** Who may see a certificate (and get its credential): its holder, the admin of its municipality, platform admins. */
public final class CertificateAccess {

    private CertificateAccess() {
    }

    public static boolean mayRead(Caller caller, Certificate certificate) {
        return caller.isPlatformAdmin() || caller.mayAdminister(certificate.municipalityId)
                || (caller.actsFor(certificate.municipalityId) && caller.subject().equals(certificate.learnerId));
    }
}
