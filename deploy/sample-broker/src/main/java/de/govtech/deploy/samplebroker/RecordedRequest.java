package de.govtech.deploy.samplebroker;

import java.time.Instant;
import java.util.Map;

/**
 * One request as the broker received it.
 *
 * @param query      the raw query string, "" when there is none
 * @param headers    header names in lower case; repeated headers joined with ","
 * @param body       the body as text, "" when there is none
 * @param receivedAt when the broker began handling it (before it answered, so a caller cannot have acted on the answer
 *                   earlier)
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers, String body,
                              Instant receivedAt) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The header's value, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
