package de.govtech.gateway.edge;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.jwt.JsonWebToken;

import de.govtech.gateway.GatewayConfig;
import de.govtech.gateway.ratelimit.CallerKey;
import de.govtech.gateway.routing.RouteTemplates;
import de.govtech.platform.support.problem.ProblemType;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The OIDC bearer mechanism, with two additions. Its challenge comes with a body: when a path policy turns an
 * anonymous caller away, Quarkus only sends the mechanism's challenge and ends the response (no failure handler runs),
 * so the 401 problem is written here, together with the {@code WWW-Authenticate} header of the OIDC mechanism. And a
 * token the OIDC mechanism has accepted is remembered ({@link ValidatedTokens}) until it expires, so its RSA signature
 * is verified once, not on every request (it was the largest share of the gateway's CPU per request).
 *
 * <p>A request to a route group gets its authentication failure handler from here: the same as the one Quarkus REST
 * puts in place of the default (the failure goes to the router's failure handlers, where platform-service-support
 * writes the problem). Quarkus REST replaces only the default one, and when it does, it first matches the request's
 * path against the templates of its own endpoints for the metrics, building a new request mapper per request; no
 * endpoint of the gateway serves a route group's path, and the metrics have the route group's template already.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemChallengeMechanism implements HttpAuthenticationMechanism {

    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();

    private static final BiConsumer<RoutingContext, Throwable> FAIL_THE_REQUEST = (context, failure) -> {
        DefaultAuthFailureHandler.markIfOtherAuthenticationFailure(context, failure);
        if (!context.failed()) {
            context.fail(DefaultAuthFailureHandler.extractRootCause(failure));
        }
    };

    private final OidcAuthenticationMechanism oidc;
    private final ValidatedTokens<SecurityIdentity> validated;
    private final RouteTemplates routeTemplates;

    public ProblemChallengeMechanism(OidcAuthenticationMechanism oidc, GatewayConfig config, Clock clock) {
        this.oidc = oidc;
        this.validated = new ValidatedTokens<>(config.tokenCache().maxSize(), config.tokenCache().maxAge(), clock);
        this.routeTemplates = new RouteTemplates(config.routes().keySet());
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (routeTemplates.of(context.normalizedPath()) != null
                && context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
            context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, FAIL_THE_REQUEST);
        }
        // the whole header is the key: only the very string the OIDC mechanism accepted is found again
        String token = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (token == null) {
            // the OIDC mechanism of a service application finds no credential without this header either: an
            // anonymous caller (a public read) skips its tenant resolution and its chain of Unis
            return Uni.createFrom().nullItem();
        }
        if (!isBearer(token)) {
            return oidc.authenticate(context, identityProviderManager);
        }
        SecurityIdentity known = validated.find(token);
        if (known != null) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known).addAttribute(ROUTING_CONTEXT, context).build());
        }
        return oidc.authenticate(context, identityProviderManager).invoke(identity -> remember(token, identity));
    }

    /** The identity a still valid token accepted earlier gave, or null (also for anything but a bearer token). */
    SecurityIdentity remembered(String authorization) {
        return isBearer(authorization) ? validated.find(authorization) : null;
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        // what is kept must not hold on to the first request: the routing context is the current one's on each use
        var copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addPermissionChecker(identity::checkPermission)
                .addAttribute(CallerKey.ATTRIBUTE, CallerKey.of(identity));
        identity.getAttributes().forEach((name, value) -> {
            if (!ROUTING_CONTEXT.equals(name)) {
                copy.addAttribute(name, value);
            }
        });
        validated.remember(token, Instant.ofEpochSecond(jwt.getExpirationTime()), copy.build());
    }

    private static boolean isBearer(String authorization) {
        return authorization != null && authorization.length() > 7 && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return getChallenge(context).map(challenge -> {
            var response = context.response();
            if (response.headWritten()) {
                return true;
            }
            if (challenge != null) {
                challenge.getHeaders().forEach((name, value) -> response.headers().set(name, value));
            }
            if (!response.headers().contains("WWW-Authenticate")) {
                response.headers().set("WWW-Authenticate", "Bearer");
            }
            GatewayProblems.send(context, ProblemType.UNAUTHORIZED, "A valid bearer token is required.");
            return true;
        });
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }
}
