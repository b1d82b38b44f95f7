package de.govtech.marketplace.osb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Duration;
import java.util.Optional;

/**
 * What a broker answered: the HTTP status, the JSON body (a missing node if it had none or none that parses) and
 * the {@code Retry-After} header in seconds, if present.
 */
public record OsbResponse(int status, JsonNode body, Optional<Duration> retryAfter) {

    public OsbResponse {
        body = body == null ? MissingNode.getInstance() : body;
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    public String text(String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    /** Whether the body is a JSON object, as every OSB answer must be. */
    public boolean wellFormed() {
        return body.isObject();
    }

    public boolean is2xx() {
        return status >= 200 && status < 300;
    }

    /** Status plus the broker's {@code description} or {@code error} (cut to 300 characters), for failure reasons and logs. */
    public String summary() {
        String detail = text("description") != null ? text("description") : text("error");
        if (detail != null && detail.length() > 300) {
            detail = detail.substring(0, 300) + "…";
        }
        return "HTTP " + status + (detail == null ? "" : ": " + detail);
    }
}
