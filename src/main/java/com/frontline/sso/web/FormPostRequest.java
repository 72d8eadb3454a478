package com.frontline.sso.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A form POST whose body the SAML endpoint's guard read itself ({@link UrlEncodedForm}): its parameters are the
 * query string's (which the container still parses) followed by the body's, as the Servlet specification orders
 * them, so pac4j and the rest of the chain see the same parameters as from the container.
 */
final class FormPostRequest extends HttpServletRequestWrapper {

    /** The Servlet specification's default when neither the request nor the application names an encoding. */
    private static final Charset DEFAULT_CHARSET = StandardCharsets.ISO_8859_1;

    private final Map<String, String[]> parameters;

    private FormPostRequest(HttpServletRequest request, Map<String, String[]> body) {
        super(request);
        Map<String, String[]> all = new LinkedHashMap<>(request.getParameterMap());
        body.forEach((name, values) -> all.merge(name, values, UrlEncodedForm::append));
        this.parameters = Collections.unmodifiableMap(all);
    }

    /**
     * The request with its form body read, at most {@code maxBytes} of it; empty when the body is longer. A
     * request that is not a URL-encoded POST is returned as it is.
     */
    static Optional<HttpServletRequest> read(HttpServletRequest request, long maxBytes) throws IOException {
        if (!"POST".equals(request.getMethod()) || !UrlEncodedForm.isForm(request.getContentType())) {
            return Optional.of(request);
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            return Optional.empty();
        }
        return Optional.of(new FormPostRequest(request, UrlEncodedForm.parse(body, charset(request))));
    }

    private static Charset charset(HttpServletRequest request) {
        try {
            String name = request.getCharacterEncoding();
            return name == null ? DEFAULT_CHARSET : Charset.forName(name);
        } catch (IllegalArgumentException unsupported) {
            return DEFAULT_CHARSET;
        }
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }
}
