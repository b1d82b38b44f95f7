package de.govtech.membership.municipalities;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whether the association has confirmed that a municipality is who it claims to be. Registered by its own admin:
 * UNVERIFIED until a platform admin verifies it (VERIFIED) or rejects it (REJECTED, which frees its official key).
 * Registered by a platform admin or seeded as a founding member: VERIFIED.
 */
@Schema(name = "MunicipalityVerification", description = "UNVERIFIED until a platform admin verifies or rejects the municipality",
        examples = "VERIFIED")
public enum Verification {
    UNVERIFIED, VERIFIED, REJECTED;

    static final ProblemType ALREADY_DECIDED =
            ProblemType.of("municipality-verification-decided", "The municipality's verification is decided", 409);

    /** Verifying a verified municipality changes nothing; a rejected one cannot be verified. */
    public Verification verify() {
        if (this == REJECTED) {
            throw new DomainProblemException(ALREADY_DECIDED, "A rejected municipality cannot be verified");
        }
        return VERIFIED;
    }

    /** Only an unverified municipality can be rejected. */
    public Verification reject() {
        if (this != UNVERIFIED) {
            throw new DomainProblemException(ALREADY_DECIDED, "Only an unverified municipality can be rejected; this one is " + this);
        }
        return REJECTED;
    }
}
