package de.govtech.platform.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.govtech.platform.support.problem.DomainProblemException;

class CallerTest {

    private static final UUID HEILBRONN = UUID.fromString("f4ec1f01-9f1c-3d34-ba99-332841cb7bcd");
    private static final UUID ESCHWEGE = UUID.fromString("252a5b47-68a3-38b3-aac7-0bff0a02e1c8");
    private static final UUID VENDOR = UUID.fromString("687ba146-49e1-4bf1-bb4e-6b634e4bccb4");

    private static Caller caller(String role, UUID municipality, UUID vendor) {
        return new Caller("sub", "Name", Set.of(role), Optional.ofNullable(municipality), Optional.ofNullable(vendor));
    }

    @Test
    void aMunicipalityAdminReadsAndAdministersOnlyItsOwnMunicipality() {
        Caller admin = caller(PlatformRoles.MUNICIPALITY_ADMIN, HEILBRONN, null);
        assertTrue(admin.mayRead(HEILBRONN));
        assertTrue(admin.mayAdminister(HEILBRONN));
        assertTrue(admin.isAdminOf(HEILBRONN));
        assertFalse(admin.mayRead(ESCHWEGE));
        assertFalse(admin.mayAdminister(ESCHWEGE));
        assertThrows(DomainProblemException.class, () -> admin.requireAdminister(ESCHWEGE));
    }

    @Test
    void staffReadsItsOwnMunicipalityButAdministersNothing() {
        Caller staff = caller(PlatformRoles.MUNICIPALITY_STAFF, HEILBRONN, null);
        assertTrue(staff.mayRead(HEILBRONN));
        assertTrue(staff.isMunicipalityUser());
        assertFalse(staff.mayAdminister(HEILBRONN));
        assertFalse(staff.isMunicipalityAdmin());
    }

    @Test
    void aPlatformAdminMayAllButIsAdminOfNoMunicipality() {
        Caller platform = caller(PlatformRoles.PLATFORM_ADMIN, null, null);
        assertTrue(platform.mayRead(ESCHWEGE));
        assertTrue(platform.mayAdminister(ESCHWEGE));
        assertFalse(platform.isAdminOf(ESCHWEGE));
        assertThrows(DomainProblemException.class, platform::requireMunicipality);
    }

    @Test
    void aRoleWithoutItsClaimGrantsNothingAndAVendorActsOnlyForItsVendor() {
        Caller claimless = caller(PlatformRoles.MUNICIPALITY_ADMIN, null, null);
        assertFalse(claimless.mayRead(HEILBRONN));
        assertFalse(claimless.isMunicipalityAdmin());
        Caller vendor = caller(PlatformRoles.VENDOR, null, VENDOR);
        assertTrue(vendor.actsForVendor(VENDOR));
        assertFalse(vendor.actsForVendor(UUID.randomUUID()));
        assertFalse(vendor.mayRead(HEILBRONN));
        assertEquals(VENDOR, vendor.requireVendor());
        assertThrows(DomainProblemException.class, () -> caller(PlatformRoles.VENDOR, null, null).requireVendor());
    }
}
