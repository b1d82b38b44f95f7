package de.govtech.marketplace.osb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Speaks the Open Service Broker API v2.17 as the platform: every request carries {@code X-Broker-API-Version},
 * basic auth, the originating identity and a fresh request identity. It only transports; what an answer means is
 * decided by the caller. Never call it inside a database transaction.
 */
public class OsbClient {

    public static final String API_VERSION = "2.17";
    /** The {@code context.platform} value the marketplace sends. */
    public static final String CONTEXT_PLATFORM = "govtech-kommunal";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    public OsbClient(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    public OsbResponse catalog(BrokerEndpoint broker, OriginatingIdentity identity) throws BrokerUnreachableException {
        return send(broker, request(broker.resolve("catalog"), broker, identity).GET());
    }

    /** {@code PUT /v2/service_instances/{id}?accepts_incomplete=true}. */
    public OsbResponse provision(BrokerEndpoint broker, String instanceId, ProvisionRequest body,
                                 OriginatingIdentity identity) throws BrokerUnreachableException {
        ObjectNode json = JSON.createObjectNode();
        json.put("service_id", body.serviceId());
        json.put("plan_id", body.planId());
        // organization_guid / space_guid are deprecated in favour of context but still expected by older brokers
        json.put("organization_guid", body.municipalityId().toString());
        json.put("space_guid", body.municipalityId().toString());
        ObjectNode context = json.putObject("context");
        context.put("platform", CONTEXT_PLATFORM);
        context.put("municipality_id", body.municipalityId().toString());
        context.put("cloud_target", body.cloudTarget());
        json.putObject("parameters").put("cloud_target", body.cloudTarget());
        URI uri = broker.resolve("service_instances/" + encode(instanceId) + "?accepts_incomplete=true");
        return send(broker, request(uri, broker, identity)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.toString())));
    }

    /** {@code GET /v2/service_instances/{id}/last_operation?operation=&service_id=&plan_id=}. */
    public OsbResponse lastOperation(BrokerEndpoint broker, String instanceId, String serviceId, String planId,
                                     String operation, OriginatingIdentity identity) throws BrokerUnreachableException {
        StringBuilder query = new StringBuilder("service_id=").append(encode(serviceId))
                .append("&plan_id=").append(encode(planId));
        if (operation != null) {
            query.append("&operation=").append(encode(operation));
        }
        URI uri = broker.resolve("service_instances/" + encode(instanceId) + "/last_operation?" + query);
        return send(broker, request(uri, broker, identity).GET());
    }

    /** {@code DELETE /v2/service_instances/{id}?service_id=&plan_id=&accepts_incomplete=true}. */
    public OsbResponse deprovision(BrokerEndpoint broker, String instanceId, String serviceId, String planId,
                                   OriginatingIdentity identity) throws BrokerUnreachableException {
        URI uri = broker.resolve("service_instances/" + encode(instanceId) + "?service_id=" + encode(serviceId)
                + "&plan_id=" + encode(planId) + "&accepts_incomplete=true");
        return send(broker, request(uri, broker, identity).DELETE());
    }

    private HttpRequest.Builder request(URI uri, BrokerEndpoint broker, OriginatingIdentity identity) {
        String credentials = broker.username() + ":" + broker.password();
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("X-Broker-API-Version", API_VERSION)
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("X-Broker-API-Originating-Identity", identity.headerValue())
                .header("X-Broker-API-Request-Identity", UUID.randomUUID().toString())
                .header("Accept", "application/json");
    }

    private OsbResponse send(BrokerEndpoint broker, HttpRequest.Builder builder) throws BrokerUnreachableException {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new OsbResponse(response.statusCode(), parse(response.body()),
                    response.headers().firstValue("Retry-After").flatMap(OsbClient::retryAfter));
        } catch (IOException e) {
            throw new BrokerUnreachableException(request.method() + " " + request.uri().getPath() + " at " + broker.url()
                    + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnreachableException("interrupted while calling " + broker.url(), e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null; // a broker's broken body is treated like an empty one; the status decides
        }
    }

    /** Retry-After in delta-seconds; an HTTP date or garbage is ignored (the configured interval applies). */
    static Optional<Duration> retryAfter(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
