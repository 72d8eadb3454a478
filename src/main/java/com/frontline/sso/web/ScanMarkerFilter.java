package com.frontline.sso.web;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers 404 for the marker files the build puts at the WAR's root so that Payara does not read the library
 * jars into its class model at deployment (see {@code src/build/PayaraScanMarkers.java}, which names them).
 * They are build artefacts, not pages, and their names would tell a visitor the library versions. Mapped after
 * the security filter, a marker answers exactly as a path that does not exist: the IdP redirect before login,
 * 404 after.
 */
public final class ScanMarkerFilter implements Filter {

    private static final String PREFIX = "/WEB-INF__lib__";

    /** The URL paths of the markers the WAR holds (none on a WAR built without them). */
    static Set<String> paths(ServletContext context) {
        Set<String> root = context.getResourcePaths("/");
        if (root == null) {
            return Set.of();
        }
        return root.stream().filter(path -> path.startsWith(PREFIX)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
        ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
