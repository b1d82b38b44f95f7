package de.govtech.platform.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The small service documents in src/test/resources/fixtures, shaped like the services' real ones. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String GATEWAY = "https://gateway.example";
    static final String REALM = "https://login.example/realms/govtech";

    private Fixtures() {
    }

    static ObjectNode document(String area) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("fixtures/" + area + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode minimal(String area, String path, String operationId) {
        ObjectNode document = JSON.createObjectNode().put("openapi", "3.1.0");
        document.putObject("info").put("title", area).put("version", "1");
        document.putObject("paths").putObject(path).putObject("get").put("operationId", operationId)
                .putObject("responses").putObject("200").put("description", "ok");
        return document;
    }
}
