package com.frontline.sso.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose form body was read by {@link UrlEncodedForm}: its parameters are the query string's (still
 * parsed by the container, which no longer sees the consumed body) followed by the form's, as the Servlet
 * specification orders them.
 */
final class FormParameterRequest extends HttpServletRequestWrapper {

    private final UrlEncodedForm form;
    private Map<String, String[]> parameters;

    FormParameterRequest(HttpServletRequest request, UrlEncodedForm form) {
        super(request);
        this.form = form;
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        if (parameters == null) {
            Map<String, String[]> merged = new LinkedHashMap<>(super.getParameterMap());
            form.texts().forEach((name, values) -> merged.merge(name, values,
                    (query, body) -> Stream.concat(Stream.of(query), Stream.of(body)).toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(merged);
        }
        return parameters;
    }
}
