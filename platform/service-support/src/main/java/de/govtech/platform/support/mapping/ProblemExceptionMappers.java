package de.govtech.platform.support.mapping;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import de.govtech.platform.support.input.InvalidParameterException;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.Problem;
import de.govtech.platform.support.problem.ProblemType;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every error leaves a service as {@code application/problem+json}. The priority beats the mappers Quarkus
 * registers for the same exception types (bean validation, Jackson) at {@code Priorities.USER} and above.
 */
public class ProblemExceptionMappers {

    static final int PRIORITY = Priorities.USER - 100;

    private static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    private final ConstraintViolations violations;
    private final JsonErrors jsonErrors;

    public ProblemExceptionMappers(ObjectMapper mapper) {
        this.violations = new ConstraintViolations(mapper);
        this.jsonErrors = new JsonErrors(mapper);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response domainProblem(DomainProblemException e, HttpServerRequest request) {
        return e.toProblem().withInstance(RequestPaths.instance(request)).toResponse();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        if (e.getConstraintViolations() == null || e.getConstraintViolations().isEmpty()
                || ConstraintViolations.concernReturnValue(e.getConstraintViolations())) {
            return internal(e, request);
        }
        return violations.toProblem(e.getConstraintViolations()).withInstance(RequestPaths.instance(request)).toResponse();
    }

    /** Other bean validation failures are broken constraint declarations: our fault. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response validation(ValidationException e, HttpServerRequest request) {
        return internal(e, request);
    }

    /** Jackson rethrows these while reading a body; other Jackson errors arrive wrapped in a 400. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return json(e, request);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response invalidParameter(InvalidParameterException e, HttpServerRequest request) {
        return Problem.of(ProblemType.VALIDATION_FAILED, "The request has 1 invalid value.", List.of(e.error()))
                .withInstance(RequestPaths.instance(request)).toResponse();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, request);
        }
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        Problem problem = status >= 500
                ? InternalErrors.problem(e, RequestPaths.method(request), RequestPaths.path(request), ProblemType.forStatus(status))
                : WebApplicationErrors.toProblem(e).withInstance(RequestPaths.instance(request));
        return WebApplicationErrors.toResponse(e, problem);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        Problem refused = DatabaseErrors.toProblem(e);
        if (refused != null) {
            Log.infof("%s %s refused by the database: %s", RequestPaths.method(request), RequestPaths.path(request),
                    refused.detail());
            Response response = refused.withInstance(RequestPaths.instance(request)).toResponse();
            return refused.status() == 503
                    ? Response.fromResponse(response).header("Retry-After", DATABASE_RETRY_AFTER_SECONDS).build()
                    : response;
        }
        return internal(e, request);
    }

    private Response json(JsonProcessingException e, HttpServerRequest request) {
        Problem problem = jsonErrors.toProblem(e);
        if (problem == null) {
            return internal(e, request);
        }
        return problem.withInstance(RequestPaths.instance(request)).toResponse();
    }

    private static Response internal(Throwable e, HttpServerRequest request) {
        return InternalErrors.respond(e, RequestPaths.method(request), RequestPaths.path(request));
    }
}
