package de.govtech.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import de.govtech.gateway.ratelimit.CallerKey;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a request to a route group skip Quarkus security's per-request chain (authentication, identity, path policies)
 * when its outcome is known beforehand: an anonymous request to a path and method a {@code permit} policy names, and a
 * request whose whole {@code Authorization} header is a token the OIDC check accepted and that has not expired
 * ({@link ProblemChallengeMechanism}), as long as every path policy admits any authenticated caller. Everything else
 * — no token on a secured path, an unknown, forged or expired token, a token on a public path that is not remembered —
 * goes through the chain, with its 401/403 problems and its refusal of invalid tokens on public paths. The caller's
 * rate-limit key is left in the routing context ({@link CallerKey#ATTRIBUTE}).
 */
@ApplicationScoped
public class EarlyAdmission {

    /** After CORS and the request id, before Quarkus' authentication (a filter at -200). */
    public static final int ORDER = -250;

    private final PathPermissions permissions;
    private final ProblemChallengeMechanism tokens;
    private final boolean rememberedTokensAdmitted;

    EarlyAdmission(ProblemChallengeMechanism tokens) {
        this.permissions = PathPermissions.from(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(VertxHttpConfig.class).auth());
        this.tokens = tokens;
        this.rememberedTokensAdmitted = permissions.admitEveryAuthenticatedCaller();
        if (!rememberedTokensAdmitted) {
            Log.info("A path policy asks for more than a valid token: every token request goes through Quarkus security");
        }
    }

    /** Whether the request may be forwarded without Quarkus security's chain. */
    public boolean admits(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return permissions.permitsAnonymous(context.request().method().name(), context.normalizedPath());
        }
        if (!rememberedTokensAdmitted) {
            return false;
        }
        SecurityIdentity known = tokens.remembered(authorization);
        if (known == null) {
            return false;
        }
        context.put(CallerKey.ATTRIBUTE, known.getAttribute(CallerKey.ATTRIBUTE));
        return true;
    }
}
