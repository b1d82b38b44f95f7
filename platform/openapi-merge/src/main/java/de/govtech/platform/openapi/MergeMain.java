package de.govtech.platform.openapi;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Build-time merge of stored service documents:
 *
 * <pre>
 * MergeMain --out target/openapi/govtech-openapi.json --server-url http://localhost:8080 \
 *           --oidc-url http://localhost:8180/realms/govtech [--title T] [--version V] \
 *           membership=../membership-service/target/openapi/openapi.json learning=… …
 * </pre>
 *
 * Fails (exit status 1 from {@link #main}, an exception from {@link #run}) when a document is missing or the
 * documents cannot be merged; an operationId used by two services is an error here.
 */
public final class MergeMain {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MergeMain() {
    }

    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (IllegalArgumentException | OpenApiMergeException | IOException e) {
            System.err.println("openapi-merge: " + e.getMessage());
            System.err.println(usage());
            // exec-maven-plugin's java goal turns System.exit into a build failure of its own; an exception reads better
            throw new IllegalStateException("openapi-merge failed: " + e.getMessage(), e);
        }
    }

    /** Merges as the arguments say and writes the document; returns it. */
    public static JsonNode run(String[] args, PrintStream log) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, Path> inputs = new LinkedHashMap<>();
        boolean allowClashes = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--allow-operation-id-clashes")) {
                allowClashes = true;
            } else if (arg.startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                options.put(arg.substring(2), args[++i]);
            } else if (arg.indexOf('=') > 0) {
                String area = arg.substring(0, arg.indexOf('='));
                if (inputs.put(area, Path.of(arg.substring(arg.indexOf('=') + 1))) != null) {
                    throw new IllegalArgumentException("area " + area + " given twice");
                }
            } else {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
        }
        Path out = Path.of(required(options, "out"));
        MergeSettings settings = new MergeSettings(
                options.getOrDefault("title", MergeSettings.DEFAULT_TITLE),
                options.getOrDefault("version", "1.0.0"),
                options.getOrDefault("description", MergeSettings.DEFAULT_DESCRIPTION),
                required(options, "server-url"),
                required(options, "oidc-url"),
                !allowClashes);
        List<String> unknown = new ArrayList<>(options.keySet());
        unknown.removeAll(List.of("out", "title", "version", "description", "server-url", "oidc-url"));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + unknown);
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no service documents given (<area>=<file>)");
        }

        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            if (!Files.isRegularFile(input.getValue())) {
                throw new IOException("the OpenAPI document of " + input.getKey() + " is missing: " + input.getValue().toAbsolutePath()
                        + " (build the service first: it stores the document under target/openapi when it is packaged)");
            }
            documents.put(input.getKey(), MAPPER.readTree(input.getValue().toFile()));
        }
        MergeResult result = new OpenApiMerger(settings).merge(documents);
        result.notes().forEach(note -> log.println("openapi-merge: " + note));
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        MAPPER.writeValue(out.toFile(), result.document());
        log.println("openapi-merge: " + documents.keySet() + " -> " + out + " (" + result.document().path("paths").size() + " paths)");
        return result.document();
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static String usage() {
        return "usage: MergeMain --out <file> --server-url <gateway url> --oidc-url <realm url> [--title <t>] [--version <v>] "
                + "[--description <d>] [--allow-operation-id-clashes] <area>=<openapi.json> ...";
    }
}
