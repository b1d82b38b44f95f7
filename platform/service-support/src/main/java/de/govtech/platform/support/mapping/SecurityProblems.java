package de.govtech.platform.support.mapping;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import de.govtech.platform.support.problem.Problem;
import de.govtech.platform.support.problem.ProblemType;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * 401 and 403 as problems. A 401 carries the challenge of the authentication mechanism in charge
 * ({@code WWW-Authenticate: Bearer …} for OIDC bearer tokens), or a plain {@code Bearer} challenge if none is known.
 */
final class SecurityProblems {

    static final String DEFAULT_CHALLENGE = "Bearer";
    static final String UNAUTHORIZED_DETAIL = "A valid bearer token is required.";
    static final String FORBIDDEN_DETAIL = "You are not allowed to perform this operation.";

    private SecurityProblems() {
    }

    static Problem unauthorized(URI instance) {
        return Problem.of(ProblemType.UNAUTHORIZED, UNAUTHORIZED_DETAIL).withInstance(instance);
    }

    static Problem forbidden(URI instance) {
        return Problem.of(ProblemType.FORBIDDEN, FORBIDDEN_DETAIL).withInstance(instance);
    }

    /** The mechanism's challenge for this request; null items (no mechanism, or it failed) mean "use the default". */
    static Uni<ChallengeData> challenge(RoutingContext context) {
        HttpAuthenticator authenticator = context == null ? null : context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().nullItem();
        }
        return authenticator.getChallenge(context).onFailure().recoverWithNull();
    }

    static Response unauthorizedResponse(ChallengeData challenge, URI instance) {
        int status = challenge == null ? 401 : challenge.status;
        Response.ResponseBuilder builder = status == 401
                ? Response.status(401).type(Problem.MEDIA_TYPE_VALUE).entity(unauthorized(instance))
                : Response.status(status); // e.g. a redirect of an interactive login: not ours to reshape
        boolean challenged = false;
        if (challenge != null) {
            for (Map.Entry<CharSequence, String> header : challenge.getHeaders().entrySet()) {
                builder.header(header.getKey().toString(), header.getValue());
                challenged |= HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(header.getKey().toString());
            }
        }
        if (status == 401 && !challenged) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, DEFAULT_CHALLENGE);
        }
        return builder.build();
    }
}
