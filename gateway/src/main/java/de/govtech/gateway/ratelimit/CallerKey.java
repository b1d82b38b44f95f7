package de.govtech.gateway.ratelimit;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/** Whose allowance a request takes: the token's subject (or client id) when authenticated, else the client address. */
public final class CallerKey {

    private CallerKey() {
    }

    public static String of(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (!identity.isAnonymous()) {
                if (identity.getPrincipal() instanceof JsonWebToken token) {
                    String subject = token.getSubject() != null ? token.getSubject() : token.getClaim("azp");
                    if (subject != null) {
                        return "sub:" + subject;
                    }
                }
                return "principal:" + identity.getPrincipal().getName();
            }
        }
        return "ip:" + context.request().remoteAddress().host();
    }
}
