package de.govtech.deploy.samplebroker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * What every {@code /v2} request must carry: HTTP basic auth (else 401) and {@code X-Broker-API-Version} with major
 * version 2 (else 412). Authentication is checked first, so an anonymous caller learns nothing else.
 */
final class ApiGuard {

    static final String VERSION_HEADER = "x-broker-api-version";

    private final byte[] expectedAuthorization;

    ApiGuard(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.expectedAuthorization = ("Basic " + token).getBytes(StandardCharsets.UTF_8);
    }

    /** The refusal of an OSB request, or empty when the request may pass. */
    Optional<Reply> refusal(RecordedRequest request) {
        Optional<Reply> unauthenticated = authenticationRefusal(request);
        if (unauthenticated.isPresent()) {
            return unauthenticated;
        }
        String version = request.header(VERSION_HEADER);
        if (!isSupported(version)) {
            return Optional.of(Reply.error(412, "X-Broker-API-Version "
                    + (version == null ? "is missing" : "\"" + version + "\" is not supported")
                    + "; this broker speaks 2.x (2.17)"));
        }
        return Optional.empty();
    }

    /** 401 unless the request carries the broker's credentials (basic auth); the control endpoints need only this. */
    Optional<Reply> authenticationRefusal(RecordedRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null || !MessageDigest.isEqual(expectedAuthorization,
                authorization.trim().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(Reply.error(401, "Unauthorized", "HTTP basic authentication with the broker's credentials is required")
                    .withHeader("WWW-Authenticate", "Basic realm=\"sample-broker\""));
        }
        return Optional.empty();
    }

    static boolean isSupported(String version) {
        if (version == null) {
            return false;
        }
        String trimmed = version.trim();
        int dot = trimmed.indexOf('.');
        String major = dot < 0 ? trimmed : trimmed.substring(0, dot);
        return major.equals("2");
    }
}
