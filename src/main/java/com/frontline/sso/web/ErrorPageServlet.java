package com.frontline.sso.web;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The container's error pages (404, 500, uncaught exceptions): a short page or JSON with a reference, the
 * exception only in the server log.
 */
@WebServlet("/error/page")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String reference = RequestFacts.requestId(request);
        if (failure != null) {
            LOG.log(Level.SEVERE, "Unhandled error, reference " + reference, failure);
        }
        response.resetBuffer();
        response.setStatus(code);
        response.setHeader("Cache-Control", "no-store");
        String message = code == HttpServletResponse.SC_NOT_FOUND ? "Page not found." : "Something went wrong on our side.";
        if (RequestFacts.isApiClient(request)) {
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"" + (code == 404 ? "not_found" : "server_error") + "\",\"status\":" + code
                    + ",\"reference\":\"" + reference + "\"}");
            return;
        }
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + message
                + "</title><link rel=\"stylesheet\" href=\"/assets/sso.css\"></head><body><main class=\"card\"><h1>" + message
                + "</h1><p class=\"reference\">Reference: <code>" + Html.escape(reference)
                + "</code></p><p><a href=\"/\">Back to the application</a></p></main></body></html>");
    }
}
