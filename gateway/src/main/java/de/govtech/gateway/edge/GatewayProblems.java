package de.govtech.gateway.edge;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.govtech.platform.support.problem.Problem;
import de.govtech.platform.support.problem.ProblemType;
import io.vertx.ext.web.RoutingContext;

/** Writes RFC 9457 problems from the gateway's Vert.x handlers, where no JAX-RS exception mapper runs. */
public final class GatewayProblems {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GatewayProblems() {
    }

    /** Ends the response with the problem; does nothing if the response has already started. */
    public static void send(RoutingContext context, ProblemType type, String detail) {
        var response = context.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        Problem problem = Problem.of(type, detail).withInstance(instance(context));
        response.setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(json(problem));
    }

    static String json(Problem problem) {
        try {
            return MAPPER.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem not serialisable", e);
        }
    }

    private static URI instance(RoutingContext context) {
        try {
            return URI.create(context.request().path());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
