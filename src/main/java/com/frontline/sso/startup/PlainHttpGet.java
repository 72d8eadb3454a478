package com.frontline.sso.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 GET over a plain socket, answered with the status code. A socket, not the JDK's HTTP clients:
 * they would load hundreds of classes of their own at the busiest moment of the server's start.
 */
final class PlainHttpGet {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final int MAX_RESPONSE_BYTES = 1 << 20;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})[^\\r\\n]*\\r?\\n");

    private PlainHttpGet() {
    }

    /** @return the response's status code; the whole response is read so that the server finishes it normally */
    static int status(URI url, String userAgent) throws IOException {
        int port = url.getPort() < 0 ? 80 : url.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request(url, port, userAgent).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return statusOf(readAll(socket.getInputStream()), url);
        }
    }

    private static String request(URI url, int port, String userAgent) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        return "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + url.getHost() + ":" + port + "\r\n"
                + "User-Agent: " + userAgent + "\r\n"
                + "Connection: close\r\n\r\n";
    }

    private static String readAll(InputStream in) throws IOException {
        byte[] response = in.readNBytes(MAX_RESPONSE_BYTES);
        return new String(response, StandardCharsets.ISO_8859_1);
    }

    private static int statusOf(String response, URI url) throws IOException {
        Matcher status = STATUS_LINE.matcher(response);
        if (!status.lookingAt()) {
            throw new IOException(url + " did not answer with an HTTP/1.1 status line");
        }
        return Integer.parseInt(status.group(1));
    }
}
