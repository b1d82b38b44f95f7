package de.govtech.gateway.ratelimit;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/** Whose allowance a request takes: the token's subject (or client id) when authenticated, else the client address. */
public final class CallerKey {

    /**
     * The key of an identity, computed once when its token is first accepted (see ProblemChallengeMechanism); also
     * the routing context's key for it when the request was admitted before Quarkus security (EarlyAdmission).
     */
    public static final String ATTRIBUTE = "govtech.gateway.caller-key";

    private static final String ANONYMOUS_PREFIX = "ip:";

    private CallerKey() {
    }

    public static String of(RoutingContext context) {
        String admitted = context.get(ATTRIBUTE);
        if (admitted != null) {
            return admitted;
        }
        if (context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            SecurityIdentity identity = user.getSecurityIdentity();
            String known = identity.getAttribute(ATTRIBUTE);
            return known != null ? known : of(identity);
        }
        return ANONYMOUS_PREFIX + context.request().remoteAddress().host();
    }

    public static String of(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String subject = token.getSubject() != null ? token.getSubject() : token.getClaim("azp");
            if (subject != null) {
                return "sub:" + subject;
            }
        }
        return "principal:" + identity.getPrincipal().getName();
    }

    /** Whether the key is a client address (no token) rather than a token's subject. */
    public static boolean isAnonymous(String key) {
        return key.startsWith(ANONYMOUS_PREFIX);
    }
}
