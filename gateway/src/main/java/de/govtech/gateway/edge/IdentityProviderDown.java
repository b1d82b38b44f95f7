package de.govtech.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import de.govtech.platform.support.problem.ProblemType;
import io.quarkus.logging.Log;
import io.quarkus.oidc.OIDCException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * While Keycloak cannot be reached, quarkus-oidc fails token checks with an {@link OIDCException}, which would
 * leave as a plain-text 500; the gateway answers 503 {@code service-unavailable} instead, so callers may retry.
 */
@ApplicationScoped
public class IdentityProviderDown {

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        if (!causedByOidc(context.failure()) || context.response().headWritten()) {
            context.next();
            return;
        }
        Log.warnf("Identity provider not reachable for %s %s", context.request().method(), context.request().path());
        context.response().putHeader("Retry-After", "5");
        GatewayProblems.send(context, ProblemType.SERVICE_UNAVAILABLE, "The identity provider is not reachable; try again shortly.");
    }

    private static boolean causedByOidc(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }
}
