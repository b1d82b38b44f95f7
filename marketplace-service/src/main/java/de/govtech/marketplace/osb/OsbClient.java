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
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /** The default bound of a response body. */
    public static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final HttpClient http;
    private final Duration deadline;
    private final int maxResponseBytes;
    private final BrokerAddressRule addressRule;

    public OsbClient(Duration deadline, BrokerAddressRule addressRule) {
        this(deadline, deadline, MAX_RESPONSE_BYTES, addressRule);
    }

    /**
     * @param connectTimeout   connecting at most this long
     * @param deadline         the whole call (connect, headers and body) at most this long
     * @param maxResponseBytes a longer body fails the call ({@link BrokerUnreachableException.Kind#RESPONSE_TOO_LARGE})
     * @param addressRule      checked (with a fresh name resolution) before every call; a refused broker is not called
     */
    public OsbClient(Duration connectTimeout, Duration deadline, int maxResponseBytes, BrokerAddressRule addressRule) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout.compareTo(deadline) < 0 ? connectTimeout : deadline)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.deadline = deadline;
        this.maxResponseBytes = maxResponseBytes;
        this.addressRule = addressRule;
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
                .timeout(deadline)
                .header("X-Broker-API-Version", API_VERSION)
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("X-Broker-API-Originating-Identity", identity.headerValue())
                .header("X-Broker-API-Request-Identity", UUID.randomUUID().toString())
                .header("Accept", "application/json");
    }

    /**
     * Sends the request and waits for the complete answer at most {@code deadline}: a broker that trickles its body or
     * never answers cannot hold the caller longer. Failure messages name the kind of failure, never the broker's URL.
     */
    private OsbResponse send(BrokerEndpoint broker, HttpRequest.Builder builder) throws BrokerUnreachableException {
        var refusal = addressRule.check(broker.url());
        if (refusal.isPresent()) {
            throw failure(BrokerUnreachableException.Kind.ADDRESS_REFUSED, "address refused: " + refusal.get().reason(), null);
        }
        HttpRequest request = builder.build();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, info -> new BoundedBodySubscriber(maxResponseBytes));
        try {
            HttpResponse<byte[]> response = call.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            return new OsbResponse(response.statusCode(), parse(new String(response.body(), StandardCharsets.UTF_8)),
                    response.headers().firstValue("Retry-After").flatMap(OsbClient::retryAfter));
        } catch (TimeoutException e) {
            call.cancel(true);
            throw failure(BrokerUnreachableException.Kind.DEADLINE_EXCEEDED,
                    "no complete answer within " + deadline.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BoundedBodySubscriber.TooLarge || cause != null && cause.getCause() instanceof BoundedBodySubscriber.TooLarge) {
                throw failure(BrokerUnreachableException.Kind.RESPONSE_TOO_LARGE,
                        "response too large (more than " + maxResponseBytes + " bytes)", cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw failure(BrokerUnreachableException.Kind.DEADLINE_EXCEEDED,
                        "no complete answer within " + deadline.toMillis() + " ms", cause);
            }
            throw failure(BrokerUnreachableException.Kind.CONNECTION_FAILED,
                    "connection failed (" + (cause == null ? "unknown" : cause.getClass().getSimpleName()) + ")", cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw failure(BrokerUnreachableException.Kind.INTERRUPTED, "interrupted", e);
        }
    }

    private static BrokerUnreachableException failure(BrokerUnreachableException.Kind kind, String message, Throwable cause) {
        return new BrokerUnreachableException(kind, message, cause);
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
