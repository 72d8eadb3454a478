package com.frontline.sso.server;

import java.net.URI;

/** Redirect locations may be absolute or relative; tests compare the path and query. */
final class ArquillianDeploymentUrls {

    private ArquillianDeploymentUrls() {
    }

    static String path(String location) {
        URI uri = URI.create(location);
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
