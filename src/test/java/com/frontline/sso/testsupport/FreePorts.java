package com.frontline.sso.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Picks TCP ports on the loopback interface for the servers the tests start. */
public final class FreePorts {

    /*
     * The kernel may hand out the same ephemeral port twice if nothing has bound it in between
     * (we pick the Keycloak and app ports before either server starts), so remember what this JVM
     * already handed out.
     */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    /** A port that is free on 127.0.0.1 right now and was not handed out before in this JVM. */
    public static synchronized int pick() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = bindAndRelease(0);
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port found after 50 attempts");
    }

    /** {@code preferred} if it is free on 127.0.0.1, otherwise a picked free port. */
    public static synchronized int preferredOrFree(int preferred) {
        if (!HANDED_OUT.contains(preferred) && isFree(preferred)) {
            HANDED_OUT.add(preferred);
            return preferred;
        }
        return pick();
    }

    /** Whether nothing listens on 127.0.0.1:{@code port}. */
    public static boolean isFree(int port) {
        try {
            bindAndRelease(port);
            return true;
        } catch (UncheckedIOException busy) {
            return false;
        }
    }

    private static int bindAndRelease(int port) {
        // SO_REUSEADDR as Payara (Grizzly) and Keycloak (Vert.x) set it: connections of a just-stopped
        // server in TIME_WAIT do not block them, while a listening socket still does.
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("port " + port + " is not free on 127.0.0.1", e);
        }
    }
}
