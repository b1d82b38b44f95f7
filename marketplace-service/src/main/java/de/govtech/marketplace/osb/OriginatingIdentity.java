package de.govtech.marketplace.osb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The OSB {@code X-Broker-API-Originating-Identity} header: {@code <platform> <base64 of a JSON object>}. The
 * marketplace's platform is {@value #PLATFORM}; the object names the user who caused the request and the municipality.
 */
public record OriginatingIdentity(String userId, UUID municipalityId) {

    public static final String PLATFORM = "govtech";
    private static final ObjectMapper JSON = new ObjectMapper();

    public String headerValue() {
        ObjectNode value = JSON.createObjectNode();
        value.put("user_id", userId);
        value.put("municipality_id", municipalityId.toString());
        return PLATFORM + " " + Base64.getEncoder().encodeToString(value.toString().getBytes(StandardCharsets.UTF_8));
    }
}
