package de.govtech.platform.support.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.govtech.platform.support.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Proactive authentication (an invalid token on any request) and path-based HTTP permissions fail in the
 * Vert.x layer before Quarkus REST sees the request; this failure handler writes those 401/403 responses
 * as problems too.
 */
@ApplicationScoped
public class HttpSecurityFailureHandler {

    private final ObjectMapper mapper;

    public HttpSecurityFailureHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        Throwable failure = context.failure();
        boolean security = failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof ForbiddenException;
        if (!security || context.response().headWritten()) {
            context.next();
            return;
        }
        if (failure instanceof ForbiddenException) {
            write(context, 403, SecurityProblems.forbidden(RequestPaths.instance(context.request())));
            return;
        }
        if (context.response().getStatusCode() == 401 && context.response().headers().contains(HttpHeaders.WWW_AUTHENTICATE)) {
            // the mechanism has already set its challenge: only the body is missing
            write(context, 401, SecurityProblems.unauthorized(RequestPaths.instance(context.request())));
            return;
        }
        SecurityProblems.challenge(context).subscribe().with(challenge -> {
            var response = SecurityProblems.unauthorizedResponse(challenge, RequestPaths.instance(context.request()));
            response.getStringHeaders().forEach((name, values) -> context.response().headers().set(name, values));
            if (response.getEntity() instanceof Problem problem) {
                write(context, response.getStatus(), problem);
            } else {
                context.response().setStatusCode(response.getStatus()).end();
            }
        }, error -> context.next());
    }

    private void write(RoutingContext context, int status, Problem problem) {
        try {
            String body = mapper.writeValueAsString(problem);
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
        } catch (Exception e) {
            context.next(); // leave it to Quarkus' default handling rather than fail twice
        }
    }
}
