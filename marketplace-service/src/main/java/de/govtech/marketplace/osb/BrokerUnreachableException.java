package de.govtech.marketplace.osb;

/**
 * The broker gave no usable answer. The message names only the kind of failure (never the broker's URL), so it may
 * end up in failure reasons municipalities see.
 */
public class BrokerUnreachableException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Connection refused or broken, TLS failure: the request may or may not have reached the broker. */
        CONNECTION_FAILED,
        /** No complete answer (headers and body) within the call deadline. */
        DEADLINE_EXCEEDED,
        /** The answer's body exceeded the allowed size. */
        RESPONSE_TOO_LARGE,
        /**
         * The TLS handshake failed: the broker's certificate is not trusted (see the broker trust configuration) or
         * not issued for the host name in its URL. Nothing was sent.
         */
        TLS_FAILED,
        /** The broker's address is not one the marketplace may call ({@link BrokerAddressRule}): nothing was sent. */
        ADDRESS_REFUSED,
        INTERRUPTED
    }

    private final Kind kind;

    public BrokerUnreachableException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
