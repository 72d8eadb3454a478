package com.frontline.sso.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** A plain-http URL whose host is this machine's loopback interface: {@code localhost}, {@code 127.x.y.z} or {@code [::1]}. */
final class LoopbackHttpUrl {

    // Only literals: any other name would be resolved by DNS, which may not answer with this machine.
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+]");

    private LoopbackHttpUrl() {
    }

    static Optional<URI> parse(String text) {
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getFragment() != null
                    || !isLoopback(uri.getHost())) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!IP_LITERAL.matcher(host).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
