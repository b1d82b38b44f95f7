package de.govtech.membership.shared;

/** Realm roles of the govtech realm as this service uses them. */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String MUNICIPALITY_ADMIN = "municipality-admin";
    public static final String MUNICIPALITY_STAFF = "municipality-staff";

    /** The token claim naming the municipality a user acts for. */
    public static final String MUNICIPALITY_CLAIM = "municipality_id";

    private Roles() {
    }
}
