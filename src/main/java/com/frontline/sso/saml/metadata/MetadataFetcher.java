package com.frontline.sso.saml.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Reads an IdP metadata document from an http(s) URL (with timeouts and a size cap) or from a file. */
final class MetadataFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    /**
     * Built at the first download: metadata from a file or the manual settings needs no client, whose set-up (TLS
     * included) took 0.1 s of the start.
     */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private MetadataFetcher() {
    }

    static byte[] fetch(String location) throws MetadataProblem {
        return location.startsWith("http://") || location.startsWith("https://") ? download(location) : read(location);
    }

    private static byte[] download(String url) throws MetadataProblem {
        try {
            HttpResponse<InputStream> response = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new MetadataProblem("the server answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new MetadataProblem("the document is larger than " + MAX_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new MetadataProblem("it cannot be downloaded (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetadataProblem("interrupted", e);
        }
    }

    private static byte[] read(String location) throws MetadataProblem {
        Path path = Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location);
        try {
            return Files.readAllBytes(path);
        } catch (IOException | RuntimeException e) {
            throw new MetadataProblem("the file cannot be read (" + e + ")", e);
        }
    }
}
