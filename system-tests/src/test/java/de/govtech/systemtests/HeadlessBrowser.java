package de.govtech.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real browser for pages people look at: Debian's {@code chromium}, headless, prints the DOM after the page has
 * rendered ({@code --dump-dom}). Installed with apt-get when missing and the tests run as root (as in CI); otherwise
 * the test says what to install.
 */
final class HeadlessBrowser {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser");
    private static final long INSTALL_MINUTES = 10;

    private HeadlessBrowser() {
    }

    /** The rendered DOM of the page at {@code url}. */
    static String dumpDom(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Process browser = new ProcessBuilder(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--dump-dom", url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] dom = browser.getInputStream().readAllBytes();
        if (!browser.waitFor(90, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
            throw new IllegalStateException("chromium did not finish rendering " + url);
        }
        return new String(dom, StandardCharsets.UTF_8);
    }

    private static synchronized Path executable() throws IOException, InterruptedException {
        Optional<Path> found = onPath();
        if (found.isPresent()) {
            return found.get();
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("chromium is not installed: apt-get install chromium (as root)");
        }
        run("apt-get", "update");
        run("apt-get", "install", "-y", "--no-install-recommends", "chromium");
        return onPath().orElseThrow(() -> new IllegalStateException("apt-get installed no chromium executable"));
    }

    private static Optional<Path> onPath() {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            for (String name : NAMES) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "chromium-install.log").toFile()));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see target/chromium-install.log");
        }
    }
}
