package de.govtech.platform.support.mapping;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Security failures raised while Quarkus REST handles a request (e.g. {@code @RolesAllowed} checks). Failures of
 * proactive authentication happen before that and are handled by {@link HttpSecurityFailureHandler}.
 */
public class SecurityProblemMappers {

    @ServerExceptionMapper(priority = ProblemExceptionMappers.PRIORITY)
    public Uni<Response> unauthorized(UnauthorizedException e, RoutingContext context) {
        return challenge(context);
    }

    @ServerExceptionMapper(priority = ProblemExceptionMappers.PRIORITY)
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, RoutingContext context) {
        HttpSecurityUtils.addAuthenticationFailureToEvent(e, context);
        return challenge(context);
    }

    @ServerExceptionMapper(priority = ProblemExceptionMappers.PRIORITY)
    public Response forbidden(ForbiddenException e, RoutingContext context) {
        return SecurityProblems.forbidden(RequestPaths.instance(context.request())).toResponse();
    }

    private static Uni<Response> challenge(RoutingContext context) {
        return SecurityProblems.challenge(context)
                .map(challenge -> SecurityProblems.unauthorizedResponse(challenge, RequestPaths.instance(context.request())));
    }
}
