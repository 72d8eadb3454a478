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
 * jars into its class model at deployment (see {@code src/build/PayaraScanMarkers.java}). They are build
 * artefacts, not pages, and their names would tell a visitor the library versions. Mapped after the security
 * filter, a marker answers exactly as a path that does not exist: the IdP redirect before login, 404 after.
 */
public final class ScanMarkerFilter implements Filter {

    private static final String LIBRARIES = "/WEB-INF/lib/";

    /** The URL path of each library jar's marker: {@code /WEB-INF/lib/x.jar} -> {@code /WEB-INF__lib__x_jar}. */
    static Set<String> paths(ServletContext context) {
        Set<String> jars = context.getResourcePaths(LIBRARIES);
        if (jars == null) {
            return Set.of();
        }
        return jars.stream().filter(path -> path.endsWith(".jar"))
                .map(path -> "/" + path.substring(1).replace("/", "__").replaceFirst("\\.jar$", "_jar"))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
        ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
