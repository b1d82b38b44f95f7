package de.govtech.platform.openapi;

import java.util.Objects;

/**
 * What the merged document says about the platform as a whole.
 *
 * @param title       {@code info.title} of the merged document
 * @param version     {@code info.version}
 * @param description introduction of {@code info.description}; the services' titles and base paths are appended
 * @param serverUrl   the gateway as callers reach it, e.g. {@code http://localhost:8080} (the only {@code servers} entry)
 * @param realmUrl    the Keycloak realm as browsers reach it, e.g. {@code http://localhost:8180/realms/govtech}
 * @param failOnOperationIdClash true: two services using the same operationId is an error (build time);
 *                    false: the clashing ids are prefixed with their area (the gateway at run time)
 */
public record MergeSettings(String title, String version, String description, String serverUrl, String realmUrl,
        boolean failOnOperationIdClash) {

    public static final String DEFAULT_TITLE = "GovTech Kommunal — Platform API";
    public static final String DEFAULT_DESCRIPTION = "Every API of the GovTech Kommunal platform behind its gateway. "
            + "Sign in with Keycloak (realm govtech): Swagger UI uses the public client govtech-cli "
            + "(authorization code with PKCE); programs send `Authorization: Bearer <access token>`. "
            + "Operations marked without security are public.";

    public MergeSettings {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(realmUrl, "realmUrl");
        realmUrl = realmUrl.endsWith("/") ? realmUrl.substring(0, realmUrl.length() - 1) : realmUrl;
    }

    /** The platform defaults with the given gateway and realm URLs. */
    public static MergeSettings of(String serverUrl, String realmUrl) {
        return new MergeSettings(DEFAULT_TITLE, "1.0.0", DEFAULT_DESCRIPTION, serverUrl, realmUrl, false);
    }

    public MergeSettings withServerUrl(String url) {
        return new MergeSettings(title, version, description, url, realmUrl, failOnOperationIdClash);
    }

    public MergeSettings failingOnOperationIdClash() {
        return new MergeSettings(title, version, description, serverUrl, realmUrl, true);
    }
}
