package com.frontline.sso.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.frontline.sso.config.ListenerWarmUpSetting;

class ListenerWarmUpTest {

    /** Accepts one connection, keeps the request's header lines, and answers {@code response}. */
    private static CompletableFuture<List<String>> serveOnce(ServerSocket server, String response) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                List<String> header = new ArrayList<>();
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    header.add(line);
                }
                socket.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
                return header;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void sendsOneGetToTheListenerAndReadsItsStatus() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> request = serveOnce(server,
                    "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nNot Found");
            URI url = URI.create("http://127.0.0.1:" + server.getLocalPort() + ListenerWarmUp.AUTOMATIC_PATH);

            assertEquals(Optional.of(404), ListenerWarmUp.send(url));

            List<String> header = request.get(10, TimeUnit.SECONDS);
            assertEquals("GET /health HTTP/1.1", header.get(0));
            assertTrue(header.contains("Host: 127.0.0.1:" + server.getLocalPort()), header.toString());
            assertTrue(header.contains("User-Agent: frontline-sso-startup-warm-up"), header.toString());
            assertTrue(header.contains("Connection: close"), header.toString());
        }
    }

    @Test
    void aListenerThatIsNotThereOrDoesNotSpeakHttpIsOnlyLogged() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        assertEquals(Optional.empty(), ListenerWarmUp.send(URI.create("http://127.0.0.1:" + freePort + "/")));

        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            serveOnce(server, "SSH-2.0-OpenSSH_9.2\r\n");
            assertEquals(Optional.empty(), ListenerWarmUp.send(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/")));
        }
    }

    @Test
    void aGivenUrlWinsOverTheServersConfiguration() {
        URI given = URI.create("http://127.0.0.1:9080/health");
        assertEquals(Optional.of(given), ListenerWarmUp.target(ListenerWarmUpSetting.to(given)));
    }
}
