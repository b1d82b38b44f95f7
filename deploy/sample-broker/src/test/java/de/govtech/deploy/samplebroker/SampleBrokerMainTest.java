package de.govtech.deploy.samplebroker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line broker as a child JVM: starts, logs one line per request to stdout, stops on SIGTERM. */
class SampleBrokerMainTest {

    private Process process;

    @AfterEach
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void runsUntilSigtermAndLogsEachRequest() throws Exception {
        process = java("--port", "0", "--username", "cli", "--password", "cli-secret", "--provision-delay", "PT0.2S");
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String banner = out.readLine();
        assertNotNull(banner, "no banner");
        Matcher url = Pattern.compile("listening on (http://localhost:\\d+)").matcher(banner);
        assertTrue(url.find(), banner);

        OsbClient osb = new OsbClient(URI.create(url.group(1)), "cli", "cli-secret");
        assertEquals(200, osb.get("/health").status());
        assertEquals(200, osb.get("/v2/catalog").status());
        String first = out.readLine();
        String second = out.readLine();
        assertTrue(first.matches("\\S+Z GET /health -> 200 \\(\\d+ ms\\)"), first);
        assertTrue(second.contains(" GET /v2/catalog -> 200 "), second);

        process.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of stdout)
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "still running after SIGTERM");
        assertEquals(143, process.exitValue());
        List<String> rest = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            rest.add(line);
        }
        assertEquals("sample-broker stopped", rest.get(rest.size() - 1), rest.toString());
    }

    @Test
    void aBadCommandLineExitsWith2AndPrintsTheUsage() throws Exception {
        process = java("--port", "eighty");
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(err.contains("--port needs a whole number") && err.contains("Usage"), err);
    }

    private static Process java(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), SampleBrokerMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
