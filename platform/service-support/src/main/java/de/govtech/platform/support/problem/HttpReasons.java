package de.govtech.platform.support.problem;

import jakarta.ws.rs.core.Response;

final class HttpReasons {

    private HttpReasons() {
    }

    static String phrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return status >= 500 ? "Server error" : "Client error";
    }
}
