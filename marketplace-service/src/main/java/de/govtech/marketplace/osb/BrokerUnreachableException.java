package de.govtech.marketplace.osb;

/** The broker did not answer (connection refused, timeout, broken response). */
public class BrokerUnreachableException extends Exception {

    private static final long serialVersionUID = 1L;

    public BrokerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
