package de.govtech.membership.municipalities;

import de.govtech.platform.support.problem.DomainProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerificationTest {

    @Test
    void anUnverifiedMunicipalityIsVerifiedOrRejected() {
        assertEquals(Verification.VERIFIED, Verification.UNVERIFIED.verify());
        assertEquals(Verification.REJECTED, Verification.UNVERIFIED.reject());
    }

    @Test
    void verifyingIsIdempotentAndRejectingAVerifiedOneIsRefused() {
        assertEquals(Verification.VERIFIED, Verification.VERIFIED.verify());
        DomainProblemException refused = assertThrows(DomainProblemException.class, Verification.VERIFIED::reject);
        assertEquals(409, refused.problemType().status());
    }

    @Test
    void aRejectedMunicipalityStaysRejected() {
        assertThrows(DomainProblemException.class, Verification.REJECTED::verify);
        assertThrows(DomainProblemException.class, Verification.REJECTED::reject);
    }
}
