package de.govtech.platform.support.security;

/** Realm roles and organisation claims of the Keycloak realm {@code govtech}. */
public final class PlatformRoles {

    /** Staff of the association: may do everything. */
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** IT lead of one municipality (claim {@value #MUNICIPALITY_CLAIM}). */
    public static final String MUNICIPALITY_ADMIN = "municipality-admin";
    /** Employee of one municipality, a learner (claim {@value #MUNICIPALITY_CLAIM}). */
    public static final String MUNICIPALITY_STAFF = "municipality-staff";
    /** User of a partner vendor (claim {@value #VENDOR_CLAIM}). */
    public static final String VENDOR = "vendor";

    /** Token claim: the municipality a user acts for (UUID). */
    public static final String MUNICIPALITY_CLAIM = "municipality_id";
    /** Token claim: the vendor a user acts for (UUID). */
    public static final String VENDOR_CLAIM = "vendor_id";

    private PlatformRoles() {
    }
}
