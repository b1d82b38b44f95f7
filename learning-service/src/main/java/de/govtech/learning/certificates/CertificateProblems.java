package de.govtech.learning.certificates;

import de.govtech.platform.support.problem.ProblemType;

public final class CertificateProblems {

    public static final ProblemType ALREADY_REVOKED =
            ProblemType.of("certificate-revoked", "The certificate is revoked", 409);

    private CertificateProblems() {
    }
}
