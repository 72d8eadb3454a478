package com.frontline.sso.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.frontline.sso.error.SsoError;

/**
 * Answers a refusal: an HTML page for browsers, JSON for API clients, with the error code, what it means,
 * what an administrator should check and a reference matching the audit line. Never a stack trace.
 */
public final class ErrorResponse {

    /** Looked up once: Json.createObjectBuilder() searches the class path for a provider on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(java.util.Map.of());

    private ErrorResponse() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, SsoError error, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(error.status());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String reference = RequestFacts.requestId(request);
        if (RequestFacts.isApiClient(request)) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.createObjectBuilder()
                    .add("error", error.code())
                    .add("status", error.status())
                    .add("message", error.userMessage())
                    .add("detail", detail == null ? "" : detail)
                    .add("reference", reference)
                    .build().toString());
        } else {
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            writePage(response.getWriter(), error, detail, reference);
        }
    }

    private static void writePage(PrintWriter out, SsoError error, String detail, String reference) {
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + Html.escape(error.userMessage()) + "</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<link rel=\"stylesheet\" href=\"/assets/sso.css\"></head><body><main class=\"card\">"
                + "<h1>" + Html.escape(error.userMessage()) + "</h1>"
                + "<p class=\"code\">Error code: <code id=\"error-code\">" + Html.escape(error.code()) + "</code></p>"
                + (detail == null || detail.isEmpty() ? "" : "<p id=\"error-detail\">" + Html.escape(detail) + "</p>")
                + "<h2>What to do</h2><p>" + Html.escape(nextStep(error)) + "</p>"
                + "<h2>For your administrator</h2><p>" + Html.escape(error.adminHint()) + "</p>"
                + "<p class=\"reference\">Reference: <code>" + Html.escape(reference) + "</code></p>"
                + "<p><a href=\"/\">Try again</a></p></main></body></html>\n");
    }

    private static String nextStep(SsoError error) {
        return switch (error) {
            case ROLE_MISSING -> "Ask your identity provider (IdP) administrator to give your account the role named above, "
                    + "then sign in again.";
            case MISSING_EMAIL -> "Ask your identity provider administrator to send your email address to this application.";
            default -> "Go back to the application and sign in again. If this keeps happening, give the reference below to "
                    + "your administrator.";
        };
    }
}
