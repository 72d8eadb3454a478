package com.frontline.sso.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The JDK HttpClient for the benchmark's single requests (first requests after startup, page checks): HTTP/1.1 (no
 * h2c upgrade dance), redirects not followed, no cookie jar. The loads use {@link RawHttpConnection}.
 */
final class Http {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private Http() {
    }

    static HttpClient newClient(int connections) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(Math.max(2, connections), daemon("http-client")))
                .build();
    }

    static HttpRequest get(URI uri, String accept, String cookie) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", accept).GET();
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder.build();
    }

    /**
     * Runs the client code paths (connect, GET, response parsing) a few thousand times against a JDK HTTP
     * server in this JVM, so that a "first request" measured afterwards is the server's first, not this JVM's.
     */
    static void warmUpClientCode() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("no loopback port for the client warm-up", e);
        }
        ExecutorService serverThreads = Executors.newFixedThreadPool(2, daemon("warmup-server"));
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "<html>warm-up</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Set-Cookie", "W=1; Path=/");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/warm");
            for (int round = 0; round < 5; round++) {
                HttpClient client = newClient(2);
                for (int i = 0; i < 400; i++) {
                    client.send(get(uri, "text/html", "A=1"), HttpResponse.BodyHandlers.discarding());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("client warm-up failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
