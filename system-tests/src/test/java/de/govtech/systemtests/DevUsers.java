package de.govtech.systemtests;

/** The dev users of deploy/keycloak/realm/govtech-realm.json (password = username) and their organisations. */
final class DevUsers {

    static final String PLATFORM_ADMIN = "dev-platform-admin";
    static final String HEILBRONN_ADMIN = "dev-heilbronn-admin";
    static final String HEILBRONN_STAFF = "dev-heilbronn-staff";
    static final String LEARNING_EDITOR = "dev-learning-editor";
    static final String ESCHWEGE_ADMIN = "dev-eschwege-admin";
    /** Admin of a municipality that is not yet registered: it registers itself and applies (the journey). */
    static final String APPLICANT_ADMIN = "dev-applicant-admin";
    static final String VENDOR = "dev-vendor";
    static final String VENDOR_B = "dev-vendor-b";

    /** Founding member, seeded by membership-service: {@code UUID.nameUUIDFromBytes("govtech:municipality:08121000")}. */
    static final String HEILBRONN = "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd";
    /** The applicant's municipality_id claim. */
    static final String APPLICANT_MUNICIPALITY = "efe3e65f-02dc-4512-99b7-dd2629c7b04d";

    private DevUsers() {
    }
}
