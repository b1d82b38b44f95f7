package de.govtech.platform.support.problem;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable kind of error: its {@code type} URI never changes once published, so clients may switch on it.
 * <p>
 * The common kinds are the constants here. A service adds its own kinds with {@link #of(String, String, int)},
 * e.g. {@code ProblemType.of("already-member", "Municipality is already a member", 409)}; all live under
 * {@value #BASE_URI}.
 */
public record ProblemType(URI type, String title, int status) {

    public static final String BASE_URI = "https://govtech-kommunal.de/problems/";

    private static final Pattern KIND = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static final ProblemType VALIDATION_FAILED = of("validation-failed", "Request validation failed", 400);
    public static final ProblemType MALFORMED_REQUEST = of("malformed-request", "Malformed request", 400);
    public static final ProblemType UNAUTHORIZED = of("unauthorized", "Authentication required", 401);
    public static final ProblemType FORBIDDEN = of("forbidden", "Access denied", 403);
    public static final ProblemType NOT_FOUND = of("not-found", "Resource not found", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = of("method-not-allowed", "Method not allowed", 405);
    public static final ProblemType NOT_ACCEPTABLE = of("not-acceptable", "Not acceptable", 406);
    public static final ProblemType CONFLICT = of("conflict", "Conflict with the current state", 409);
    public static final ProblemType PRECONDITION_FAILED = of("precondition-failed", "Precondition failed", 412);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type", "Unsupported media type", 415);
    public static final ProblemType UNPROCESSABLE_CONTENT = of("unprocessable-content", "Request violates a business rule", 422);
    public static final ProblemType TOO_MANY_REQUESTS = of("too-many-requests", "Too many requests", 429);
    public static final ProblemType INTERNAL_ERROR = of("internal-error", "Internal server error", 500);
    public static final ProblemType BAD_GATEWAY = of("bad-gateway", "Upstream service failed", 502);
    public static final ProblemType SERVICE_UNAVAILABLE = of("service-unavailable", "Service unavailable", 503);
    public static final ProblemType GATEWAY_TIMEOUT = of("gateway-timeout", "Upstream service timed out", 504);

    /** The kind that stands for a plain HTTP status without own semantics (RFC 9457, section 4.2.1). */
    public static final URI ABOUT_BLANK = URI.create("about:blank");

    private static final List<ProblemType> BY_STATUS = List.of(MALFORMED_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND,
            METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, CONFLICT, PRECONDITION_FAILED, UNSUPPORTED_MEDIA_TYPE,
            UNPROCESSABLE_CONTENT, TOO_MANY_REQUESTS, INTERNAL_ERROR, BAD_GATEWAY, SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT);

    public ProblemType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status, not " + status);
        }
    }

    /** A kind under {@value #BASE_URI}; {@code kind} is lower-case words joined by hyphens. */
    public static ProblemType of(String kind, String title, int status) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("problem kind must be lower-case words joined by '-': " + kind);
        }
        return new ProblemType(URI.create(BASE_URI + kind), title, status);
    }

    /**
     * The common kind for an HTTP error status; statuses without one get {@code about:blank} and the
     * status's reason phrase as title.
     */
    public static ProblemType forStatus(int status) {
        for (ProblemType candidate : BY_STATUS) {
            if (candidate.status == status) {
                return candidate;
            }
        }
        return new ProblemType(ABOUT_BLANK, HttpReasons.phrase(status), status);
    }

    /** The last segment of the type URI, e.g. {@code not-found}; {@code about:blank} for plain statuses. */
    public String kind() {
        String value = type.toString();
        return value.startsWith(BASE_URI) ? value.substring(BASE_URI.length()) : value;
    }
}
