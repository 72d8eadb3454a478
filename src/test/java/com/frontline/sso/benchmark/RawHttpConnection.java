package com.frontline.sso.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One keep-alive HTTP/1.1 connection of the login and page loads, speaking just enough HTTP to post a form or get a
 * page and read the answer's status and headers. The load generator shares the two cores with the server: the JDK's HttpClient
 * spent 0.5 ms of CPU per login (a sixth of the machine's work per login), this spends a fraction of that.
 * Not thread-safe: each client thread owns one.
 */
final class RawHttpConnection implements Closeable {

    /** The status, the Set-Cookie header values, and the head of the answer for error reports. */
    record Answer(int status, List<String> setCookies, String head) {
    }

    private final URI target;
    private final byte[] requestHead;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttpConnection(URI target) {
        this.target = target;
        this.requestHead = ("POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\nContent-Length: ")
                .getBytes(StandardCharsets.US_ASCII);
    }

    Answer postForm(byte[] body) throws IOException {
        return exchange(requestHead, (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
    }

    /** A GET of the target, prepared once by the caller (see {@link #getRequest}) and sent as is. */
    Answer get(byte[] request) throws IOException {
        return exchange(request);
    }

    private Answer exchange(byte[]... request) throws IOException {
        if (socket == null) {
            open();
        }
        for (byte[] part : request) {
            out.write(part);
        }
        out.flush();
        return readAnswer();
    }

    static byte[] getRequest(URI target, String accept, String cookie) {
        return ("GET " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                + "\r\nAccept: " + accept + (cookie == null ? "" : "\r\nCookie: " + cookie) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) Http.REQUEST_TIMEOUT.toMillis());
        socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 10_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    private Answer readAnswer() throws IOException {
        StringBuilder head = new StringBuilder(512);
        String statusLine = readLine(head);
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        List<String> cookies = new ArrayList<>(2);
        boolean chunked = false;
        boolean close = false;
        long length = 0;
        for (String line = readLine(head); !line.isEmpty(); line = readLine(head)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Set-Cookie")) {
                cookies.add(value);
            } else if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        if (chunked) {
            skipChunks(head);
        } else {
            skip(length);
        }
        if (close) {
            close();
        }
        return new Answer(status, cookies, head.toString());
    }

    private void skipChunks(StringBuilder head) throws IOException {
        for (long size = chunkSize(head); size > 0; size = chunkSize(head)) {
            skip(size);
            readLine(head);
        }
        while (!readLine(head).isEmpty()) {
            // trailers
        }
    }

    /** The size line of the next chunk, without chunk extensions. */
    private long chunkSize(StringBuilder head) throws IOException {
        return Long.parseLong(readLine(head).split(";")[0].trim(), 16);
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed inside a response body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** One CRLF-terminated ASCII line, also appended (with its CRLF) to the head kept for error reports. */
    private String readLine(StringBuilder head) throws IOException {
        int start = head.length();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed before the end of the response head");
            }
            if (b != '\r') {
                head.append((char) b);
            }
        }
        String line = head.substring(start);
        head.append('\n');
        return line;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a connection we are done with
            }
            socket = null;
        }
    }
}
