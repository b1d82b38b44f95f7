package de.govtech.platform.support.mapping;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import de.govtech.platform.support.problem.Problem;
import de.govtech.platform.support.problem.ProblemType;

/**
 * A fault on our side: logged in full under a fresh id, answered with a problem that only carries that id
 * (as {@code instance}), never the exception's message or stack trace.
 */
public final class InternalErrors {

    private static final Logger LOG = Logger.getLogger(InternalErrors.class);

    private InternalErrors() {
    }

    public static Response respond(Throwable error, String method, String path) {
        return respond(error, method, path, ProblemType.INTERNAL_ERROR);
    }

    public static Response respond(Throwable error, String method, String path, ProblemType type) {
        return problem(error, method, path, type).toResponse();
    }

    public static Problem problem(Throwable error, String method, String path, ProblemType type) {
        UUID id = UUID.randomUUID();
        LOG.errorf(error, "Error %s while serving %s %s", id, method, path);
        return Problem.of(type, "The service could not complete the request. Quote the instance when reporting it.")
                .withInstance(URI.create("urn:uuid:" + id));
    }
}
