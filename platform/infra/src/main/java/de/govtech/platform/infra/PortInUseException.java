package de.govtech.platform.infra;

/** A fixed port that a server needs is already taken by another process. */
public final class PortInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int port;
    private final String what;

    public PortInUseException(int port, String what) {
        super("Port " + port + " (" + what + ") is already in use by another process."
                + " Stop that process (e.g. find it with `ss -ltnp 'sport = :" + port + "'`) or configure another port.");
        this.port = port;
        this.what = what;
    }

    public int port() {
        return port;
    }

    public String what() {
        return what;
    }
}
