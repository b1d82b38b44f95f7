package de.govtech.marketplace.osb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * Speaks the Open Service Broker API v2.17 as the platform: every request carries {@code X-Broker-API-Version},
 * basic auth, the originating identity and a fresh request identity. It only transports; what an answer means is
 * decided by the caller. Never call it inside a database transaction.
 * <p>
 * Each call resolves the broker's host once, checks every address with {@link BrokerAddressRule} and connects to a
 * checked address — never resolving the name again, so a DNS answer that changes between check and connect (DNS
 * rebinding) cannot redirect the call. The URL's host name still goes into the {@code Host} header, the TLS SNI and the
 * certificate's host name verification. One connection per call (no keep-alive), so no call reuses a connection
 * opened to an address checked for an earlier one.
 */
public class OsbClient implements AutoCloseable {

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

    public OsbClient(Vertx vertx, Duration deadline, BrokerAddressRule addressRule) {
        this(vertx, deadline, deadline, MAX_RESPONSE_BYTES, addressRule, 64, null);
    }

    public OsbClient(Vertx vertx, Duration connectTimeout, Duration deadline, int maxResponseBytes,
                     BrokerAddressRule addressRule, int maxConnections) {
        this(vertx, connectTimeout, deadline, maxResponseBytes, addressRule, maxConnections, null);
    }

    /**
     * @param connectTimeout   connecting at most this long
     * @param deadline         the whole call (connect, headers and body) at most this long
     * @param maxResponseBytes a longer body fails the call ({@link BrokerUnreachableException.Kind#RESPONSE_TOO_LARGE})
     * @param addressRule      checked (with a fresh name resolution) before every call; a refused broker is not called
     * @param maxConnections   connections open at once to one broker address
     * @param trust            the certificates an https broker's chain must end in; {@code null}: the JVM's trust store
     */
    public OsbClient(Vertx vertx, Duration connectTimeout, Duration deadline, int maxResponseBytes,
                     BrokerAddressRule addressRule, int maxConnections, TrustOptions trust) {
        Duration connect = connectTimeout.compareTo(deadline) < 0 ? connectTimeout : deadline;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) Math.max(1, connect.toMillis()))
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setForceSni(true);
        if (trust != null) {
            options.setTrustOptions(trust);
        }
        this.http = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(Math.max(1, maxConnections)));
        this.deadline = deadline;
        this.maxResponseBytes = maxResponseBytes;
        this.addressRule = addressRule;
    }

    public OsbResponse catalog(BrokerEndpoint broker, OriginatingIdentity identity) throws BrokerUnreachableException {
        return send(broker, HttpMethod.GET, broker.resolve("catalog"), identity, null);
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
        return send(broker, HttpMethod.PUT, uri, identity, json.toString());
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
        return send(broker, HttpMethod.GET, uri, identity, null);
    }

    /** {@code DELETE /v2/service_instances/{id}?service_id=&plan_id=&accepts_incomplete=true}. */
    public OsbResponse deprovision(BrokerEndpoint broker, String instanceId, String serviceId, String planId,
                                   OriginatingIdentity identity) throws BrokerUnreachableException {
        URI uri = broker.resolve("service_instances/" + encode(instanceId) + "?service_id=" + encode(serviceId)
                + "&plan_id=" + encode(planId) + "&accepts_incomplete=true");
        return send(broker, HttpMethod.DELETE, uri, identity, null);
    }

    @Override
    public void close() {
        http.close();
    }

    private RequestOptions request(HttpMethod method, URI uri, InetSocketAddress server, BrokerEndpoint broker,
                                   OriginatingIdentity identity) {
        String credentials = broker.username() + ":" + broker.password();
        return new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(uri.toString())
                .setServer(SocketAddress.inetSocketAddress(server))
                .setFollowRedirects(false)
                .setIdleTimeout(deadline.toMillis())
                .putHeader("X-Broker-API-Version", API_VERSION)
                .putHeader("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .putHeader("X-Broker-API-Originating-Identity", identity.headerValue())
                .putHeader("X-Broker-API-Request-Identity", UUID.randomUUID().toString())
                .putHeader("Accept", "application/json");
    }

    /**
     * Checks the broker's address, then sends the request to the checked address and waits for the complete answer at
     * most {@code deadline}: a broker that trickles its body or never answers cannot hold the caller longer. Failure
     * messages name the kind of failure, never the broker's URL.
     */
    private OsbResponse send(BrokerEndpoint broker, HttpMethod method, URI uri, OriginatingIdentity identity, String body)
            throws BrokerUnreachableException {
        long deadlineAt = System.nanoTime() + deadline.toNanos();
        BrokerAddressRule.Verdict verdict = addressRule.verdict(broker.url());
        if (verdict instanceof BrokerAddressRule.Verdict.Refused refused) {
            throw failure(BrokerUnreachableException.Kind.ADDRESS_REFUSED,
                    "address refused: " + refused.refusal().reason(), null);
        }
        var checked = ((BrokerAddressRule.Verdict.Allowed) verdict).addresses().get(0);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        RequestOptions options = request(method, uri, new InetSocketAddress(checked, port), broker, identity);
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        CompletableFuture<OsbResponse> result = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        http.request(options).onFailure(result::completeExceptionally).onSuccess(request -> {
            sent.set(request);
            if (result.isDone()) {
                // the caller gave up (deadline, interrupt) before the connection was there: send nothing late
                request.reset();
                return;
            }
            request.exceptionHandler(result::completeExceptionally);
            (body == null ? request.send() : request.send(body)).onFailure(result::completeExceptionally)
                    .onSuccess(response -> {
                        Buffer buffer = Buffer.buffer();
                        response.exceptionHandler(result::completeExceptionally);
                        response.handler(chunk -> {
                            if (result.isDone()) {
                                return;
                            }
                            if (buffer.length() + chunk.length() > maxResponseBytes) {
                                result.completeExceptionally(new TooLarge(maxResponseBytes));
                                request.reset();
                                return;
                            }
                            buffer.appendBuffer(chunk);
                        });
                        response.endHandler(done -> result.complete(new OsbResponse(response.statusCode(),
                                parse(buffer.toString(StandardCharsets.UTF_8)),
                                Optional.ofNullable(response.getHeader("Retry-After")).flatMap(OsbClient::retryAfter))));
                    });
        });
        try {
            return result.get(Math.max(0, deadlineAt - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(false);
            abort(sent.get());
            throw failure(BrokerUnreachableException.Kind.DEADLINE_EXCEEDED,
                    "no complete answer within " + deadline.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw failure(BrokerUnreachableException.Kind.RESPONSE_TOO_LARGE, cause.getMessage(), cause);
            }
            abort(sent.get());
            if (isTlsFailure(cause)) {
                throw failure(BrokerUnreachableException.Kind.TLS_FAILED, "TLS handshake failed (the broker's "
                        + "certificate is not trusted or not issued for its host name)", cause);
            }
            if (cause instanceof TimeoutException || cause instanceof io.netty.channel.ConnectTimeoutException) {
                throw failure(BrokerUnreachableException.Kind.DEADLINE_EXCEEDED,
                        "no complete answer within " + deadline.toMillis() + " ms", cause);
            }
            throw failure(BrokerUnreachableException.Kind.CONNECTION_FAILED,
                    "connection failed (" + (cause == null ? "unknown" : cause.getClass().getSimpleName()) + ")", cause);
        } catch (InterruptedException e) {
            result.cancel(false);
            abort(sent.get());
            Thread.currentThread().interrupt();
            throw failure(BrokerUnreachableException.Kind.INTERRUPTED, "interrupted", e);
        }
    }

    private static boolean isTlsFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    private static void abort(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    /** The answer's body exceeded the bound. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(int limit) {
            super("response too large (more than " + limit + " bytes)");
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
