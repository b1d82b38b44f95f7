package de.govtech.platform.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Where the contract documents live on the classpath, for services that publish them. */
public final class EventContracts {

    /** The AsyncAPI 3.0 document describing all topics and messages. */
    public static final String ASYNCAPI_RESOURCE = "govtech/events/asyncapi.yaml";

    private EventContracts() {
    }

    /** The AsyncAPI document as YAML text. */
    public static String asyncApiYaml() {
        return readResource(ASYNCAPI_RESOURCE);
    }

    static String readResource(String resource) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource not found on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
