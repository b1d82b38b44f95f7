package de.govtech.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import de.govtech.platform.support.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request that declares a body above {@code quarkus.http.limits.max-body-size} gets a 413 problem before Quarkus'
 * own limit check (order -2) would answer it without a body. Chunked bodies are counted while they are forwarded.
 */
@ApplicationScoped
public class BodySizeLimit {

    public static final ProblemType CONTENT_TOO_LARGE = ProblemType.of("content-too-large", "Content too large", 413);

    private final long maxBodyBytes;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max) {
        this.maxBodyBytes = max.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(-10).handler(this::handle);
    }

    void handle(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > maxBodyBytes) {
            GatewayProblems.send(context, CONTENT_TOO_LARGE, "The request body exceeds " + maxBodyBytes + " bytes.");
            return;
        }
        context.next();
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
