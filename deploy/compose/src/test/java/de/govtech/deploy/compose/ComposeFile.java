package de.govtech.deploy.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * compose.yaml read as docker compose reads it (YAML 1.1: anchors, aliases, merge keys), as a JSON tree, and the
 * Compose Specification's JSON schema (schema/compose-spec.json) to validate such a tree.
 */
final class ComposeFile {

    static final ObjectMapper JSON = new ObjectMapper();

    private ComposeFile() {
    }

    static Path dir() {
        return Path.of(System.getProperty("govtech.compose.dir", ".")).toAbsolutePath().normalize();
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("govtech.repository.root", "../..")).toAbsolutePath().normalize();
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String yaml) {
        Object document = new Yaml().load(yaml);
        return JSON.valueToTree(document);
    }

    static JsonNode compose() {
        return parse(text(dir().resolve("compose.yaml")));
    }

    /**
     * The schema as kept in the repository. Its {@code $schema} names draft-07, the dialect used here, and its relative
     * {@code $id} is no base URI the validator accepts; both are left out (every reference is local, {@code #/...}).
     */
    static Schema specification() {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(dir().resolve("schema/compose-spec.json").toFile());
            schema.remove("$schema");
            schema.remove("$id");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema.toString(), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Violations of the specification, each with its location in the file; empty if valid. */
    static List<String> violations(Schema specification, JsonNode compose) {
        List<String> violations = new ArrayList<>();
        specification.validate(compose.toString(), InputFormat.JSON)
                .forEach(error -> violations.add(error.getInstanceLocation() + ": " + error.getMessage()));
        return violations;
    }
}
