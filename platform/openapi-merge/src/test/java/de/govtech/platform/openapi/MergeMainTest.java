package de.govtech.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class MergeMainTest {

    @TempDir
    Path dir;

    @Test
    void writesTheMergedDocument() throws IOException {
        Path membership = write("membership.json", Fixtures.minimal("membership", "/api/v1/membership/a", "getA"));
        Path learning = write("learning.json", Fixtures.minimal("learning", "/api/v1/learning/b", "getB"));
        Path out = dir.resolve("out/govtech-openapi.json");
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        MergeMain.run(new String[] { "--out", out.toString(), "--server-url", "http://localhost:8080",
                "--oidc-url", "http://localhost:8180/realms/govtech", "--version", "2.0.0",
                "membership=" + membership, "learning=" + learning }, new PrintStream(log, true, StandardCharsets.UTF_8));

        JsonNode written = Fixtures.JSON.readTree(out.toFile());
        assertEquals(List.of(), OpenApiValidation.violations(written));
        assertEquals("2.0.0", written.path("info").path("version").asText());
        assertEquals("http://localhost:8080", written.path("servers").path(0).path("url").asText());
        assertTrue(written.path("paths").has("/api/v1/membership/a"));
        assertTrue(written.path("paths").has("/api/v1/learning/b"));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("2 paths"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingDocumentFailsNamingIt() {
        var e = assertThrows(IOException.class, () -> MergeMain.run(new String[] { "--out", dir.resolve("o.json").toString(),
                "--server-url", "http://localhost:8080", "--oidc-url", "http://localhost:8180/realms/govtech",
                "membership=" + dir.resolve("nope.json") }, System.out));
        assertTrue(e.getMessage().contains("membership") && e.getMessage().contains("nope.json"), e.getMessage());
    }

    @Test
    void anOperationIdUsedTwiceFailsTheBuild() throws IOException {
        Path a = write("a.json", Fixtures.minimal("alpha", "/api/v1/alpha/x", "getThing"));
        Path b = write("b.json", Fixtures.minimal("beta", "/api/v1/beta/x", "getThing"));
        String[] args = { "--out", dir.resolve("o.json").toString(), "--server-url", "http://localhost:8080",
                "--oidc-url", "http://localhost:8180/realms/govtech", "alpha=" + a, "beta=" + b };
        assertThrows(OpenApiMergeException.class, () -> MergeMain.run(args, System.out));
    }

    @Test
    void requiredOptionsAreChecked() {
        var e = assertThrows(IllegalArgumentException.class, () -> MergeMain.run(new String[] { "--out", "x.json", "a=b" }, System.out));
        assertTrue(e.getMessage().contains("--server-url"), e.getMessage());
    }

    private Path write(String name, JsonNode document) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, document.toString());
        return file;
    }
}
