package de.govtech.marketplace.osb;

import java.net.URI;
import java.util.Objects;

/** A vendor's Open Service Broker: base URL (OSB paths are {@code <url>/v2/...}) and basic-auth credentials. */
public record BrokerEndpoint(URI url, String username, String password) {

    public BrokerEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** {@code <url>/v2/<path>}, tolerating a trailing slash on the configured URL. */
    URI resolve(String path) {
        String base = url.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v2/" + path);
    }

    @Override
    public String toString() {
        return "BrokerEndpoint[url=" + url + ", username=" + username + ", password=***]";
    }
}
