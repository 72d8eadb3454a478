package com.frontline.sso.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The workspace form: one field for a workspace ID or a work email, and the page to return to. */
final class LoginPage {

    private LoginPage() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String target, String typed) throws IOException {
        boolean unknown = typed != null && !typed.isBlank();
        response.setStatus(unknown ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_OK);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<link rel=\"stylesheet\" href=\"/assets/sso.css\"></head><body><main class=\"card\">"
                + "<h1>Sign in to the agent application</h1>"
                + (unknown ? "<p id=\"login-error\" class=\"code\">No workspace matches <code>" + Html.escape(typed)
                        + "</code>. Check the workspace ID your administrator gave you.</p>" : "")
                + "<form method=\"get\" action=\"" + LoginPageServlet.PATH + "\">"
                + "<label for=\"workspace\">Workspace ID or work email</label><br>"
                + "<input id=\"workspace\" name=\"workspace\" required autofocus autocomplete=\"username\" "
                + "value=\"" + Html.escape(unknown ? typed : "") + "\">"
                + "<input type=\"hidden\" name=\"target\" value=\"" + Html.escape(target) + "\">"
                + " <button type=\"submit\" class=\"button\">Continue</button></form>"
                + "</main></body></html>\n");
    }
}
