package de.govtech.platform.support.input;

import jakarta.ws.rs.BadRequestException;

import de.govtech.platform.support.problem.FieldError;

/**
 * A query or header parameter whose value does not parse. It is a {@code WebApplicationException} so that the
 * REST layer passes it on unchanged instead of wrapping it into the 404 the JAX-RS specification prescribes.
 */
public class InvalidParameterException extends BadRequestException {

    private final FieldError error;

    public InvalidParameterException(String parameter, String message) {
        super(parameter + " " + message);
        this.error = new FieldError(parameter, message);
    }

    public FieldError error() {
        return error;
    }
}
