package com.frontline.sso.saml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

import com.frontline.sso.config.InvalidSettingsException;
import com.frontline.sso.config.SettingsLoader;

/**
 * Reads the IdP metadata once, at startup, from an http(s) URL or a file. pac4j then parses it from memory:
 * given a URL itself, pac4j would ask the IdP for the file's modification time on every login.
 */
public final class IdpMetadataSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    private IdpMetadataSource() {
    }

    public static Resource load(String location) {
        byte[] bytes = location.startsWith("http://") || location.startsWith("https://") ? fetch(location) : read(location);
        return new ByteArrayResource(bytes, "IdP metadata from " + location);
    }

    private static byte[] fetch(String url) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw failure(url, "the server answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw failure(url, "the document is larger than " + MAX_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw failure(url, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(url, "interrupted");
        }
    }

    private static byte[] read(String location) {
        Path path = Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location);
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw failure(location, "the file cannot be read (" + e + ")");
        }
    }

    static InvalidSettingsException failure(String location, String why) {
        return new InvalidSettingsException(java.util.List.of(SettingsLoader.IDP_METADATA.label()
                + " could not be loaded from '" + location + "': " + why
                + ". Fix: point it to the IdP's SAML metadata (URL reachable from this server, or a readable file)."));
    }
}
