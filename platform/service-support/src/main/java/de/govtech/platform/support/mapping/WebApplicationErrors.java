package de.govtech.platform.support.mapping;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import de.govtech.platform.support.problem.Problem;
import de.govtech.platform.support.problem.ProblemType;

/**
 * Problems for the JAX-RS exceptions the framework or a resource throws (404, 405, 406, 415 …). The status and
 * protocol headers such as {@code Allow} or {@code Retry-After} are kept; the entity becomes the problem.
 */
public final class WebApplicationErrors {

    /** The text JAX-RS puts into exceptions created without a message, e.g. "HTTP 404 Not Found". */
    private static final Pattern DEFAULT_MESSAGE = Pattern.compile("HTTP \\d{3}( .*)?");

    /** Headers of the original response that describe the entity rather than the outcome. */
    private static final Set<String> ENTITY_HEADERS = Set.of("content-type", "content-length", "content-encoding");

    private WebApplicationErrors() {
    }

    public static Problem toProblem(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        return Problem.of(type, detail(status, e));
    }

    /** The response for the exception: its status and protocol headers with the problem as entity. */
    public static Response toResponse(WebApplicationException e, Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE_VALUE).entity(problem);
        e.getResponse().getStringHeaders().forEach((name, values) -> {
            if (!ENTITY_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static String detail(int status, WebApplicationException e) {
        String message = e.getMessage();
        boolean meaningful = message != null && !message.isBlank() && !DEFAULT_MESSAGE.matcher(message).matches();
        if (meaningful && status < 500) {
            return message; // written on purpose by a resource, e.g. new NotFoundException("…")
        }
        return switch (status) {
            case 400 -> "The request could not be understood.";
            case 404 -> "No resource exists at this path.";
            case 405 -> "This method is not allowed here" + allowed(e.getResponse()) + ".";
            case 406 -> "None of the accepted media types can be produced.";
            case 415 -> "The request body's media type is not supported.";
            default -> status >= 500 ? "The service could not complete the request." : ProblemType.forStatus(status).title() + ".";
        };
    }

    private static String allowed(Response response) {
        List<String> allow = response.getStringHeaders().get(HttpHeaders.ALLOW);
        if (allow == null || allow.isEmpty()) {
            return "";
        }
        return "; allowed: " + String.join(", ", allow);
    }
}
