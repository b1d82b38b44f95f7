package de.govtech.deploy.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads an image back over the Registry HTTP API v2: its manifest, its config blob and its layer blobs. */
final class RegistryImageReader {

    private static final String ACCEPT = String.join(",",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackRegistry registry;
    private final HttpClient http = HttpClient.newHttpClient();

    RegistryImageReader(LoopbackRegistry registry) {
        this.registry = registry;
    }

    /** An image as the registry serves it: the manifest, the config ({@code config} of the config blob). */
    record Image(String repository, JsonNode manifest, JsonNode config, JsonNode history) {

        List<String> layerDigests() {
            List<String> digests = new ArrayList<>();
            manifest.path("layers").forEach(layer -> digests.add(layer.path("digest").asText()));
            return digests;
        }

        List<String> entrypoint() {
            List<String> entrypoint = new ArrayList<>();
            config.path("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
            return entrypoint;
        }

        List<String> env() {
            List<String> env = new ArrayList<>();
            config.path("Env").forEach(entry -> env.add(entry.asText()));
            return env;
        }
    }

    Image read(String repository, String tag) throws IOException, InterruptedException {
        HttpResponse<byte[]> manifestResponse = http.send(HttpRequest.newBuilder(registry.api(repository + "/manifests/" + tag))
                .header("Accept", ACCEPT).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (manifestResponse.statusCode() != 200) {
            throw new IllegalStateException(repository + ":" + tag + " is not in the registry (HTTP "
                    + manifestResponse.statusCode() + ")");
        }
        JsonNode manifest = JSON.readTree(manifestResponse.body());
        JsonNode configBlob = JSON.readTree(blob(repository, manifest.path("config").path("digest").asText()));
        return new Image(repository, manifest, configBlob.path("config"), configBlob.path("history"));
    }

    byte[] blob(String repository, String digest) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(registry.api(repository + "/blobs/" + digest)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Blob " + digest + " of " + repository + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** The paths in one layer (a gzipped tar), listed by tar. */
    List<String> layerEntries(Image image, String digest, Path scratch) throws IOException, InterruptedException {
        Path file = saveLayer(image, digest, scratch);
        return List.of(tar(List.of("tar", "--warning=no-unknown-keyword", "-tzf", file.toString())).split("\n"));
    }

    /** Unpacks the image's layers in order into a directory, keeping owners and modes (run as root). */
    void unpack(Image image, Path rootfs, Path scratch) throws IOException, InterruptedException {
        Files.createDirectories(rootfs);
        for (String digest : image.layerDigests()) {
            Path file = saveLayer(image, digest, scratch);
            tar(List.of("tar", "--warning=no-unknown-keyword", "-xzf", file.toString(), "-C", rootfs.toString(), "--same-owner", "--same-permissions"));
        }
    }

    private Path saveLayer(Image image, String digest, Path scratch) throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Path file = scratch.resolve(digest.replace(':', '_') + ".tar.gz");
        if (!Files.exists(file)) {
            Files.write(file, blob(image.repository(), digest));
        }
        return file;
    }

    private static String tar(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
