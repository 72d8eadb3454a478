package com.frontline.sso.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.frontline.sso.testsupport.ChromiumBrowser;
import com.frontline.sso.testsupport.RealmUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;

/** What the end-to-end tests check in the app's pages: the agent console, /api/me, the error pages. */
final class AgentConsole {

    private AgentConsole() {
    }

    /** Waits for the IdP's login form (fields {@code #username}, {@code #password}) at {@code idpBaseUrl}. */
    static void awaitLoginForm(ChromiumBrowser browser, String idpBaseUrl, String after) {
        browser.waitFor("the IdP's login page (" + idpBaseUrl + ") after " + after,
                d -> d.getCurrentUrl().startsWith(idpBaseUrl) && !d.findElements(By.id("username")).isEmpty());
    }

    /** The console (the browser is on it) shows {@code user}'s email and every one of their roles. */
    static void assertShowsAgent(ChromiumBrowser browser, RealmUser user) {
        assertEquals(user.email(), browser.textOf("agent-email"),
                "the console should show the logged-in agent's email (from /api/me) in #agent-email");
        String roles = browser.textOf("agent-roles");
        for (String role : user.roles()) {
            assertTrue(roles.contains(role), "the console should list " + user.username() + "'s role '" + role
                    + "' in #agent-roles, showed: " + roles);
        }
    }

    /** {@code /api/me}, opened in the browser, names {@code user} with all their roles. */
    static JsonObject assertApiMe(ChromiumBrowser browser, String appBaseUrl, RealmUser user) {
        browser.open(appBaseUrl + "/api/me");
        JsonObject me = json(browser.pageText());
        assertEquals(user.email(), me.getString("email", null),
                "/api/me in the logged-in browser should return " + user.username() + "'s email, returned: " + me);
        List<String> roles = me.getJsonArray("roles").getValuesAs(JsonString::getString);
        assertTrue(roles.containsAll(user.roles()), "/api/me should list the roles " + user.roles() + ", returned: " + me);
        return me;
    }

    /** The browser shows the app's error page with {@code code}; returns the page's text. */
    static String assertErrorPage(ChromiumBrowser browser, String appBaseUrl, String code) {
        browser.waitFor("the app's error page (" + code + ")", d -> d.getCurrentUrl().startsWith(appBaseUrl)
                && !d.findElements(By.id("error-code")).isEmpty());
        assertEquals(code, browser.textOf("error-code"), "error code on the page; the page showed: " + browser.pageText());
        return browser.pageText();
    }

    /** Whether the page mentions {@code word}, ignoring case. */
    static boolean mentions(String page, String word) {
        return page.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
    }

    static JsonObject json(String text) {
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        assertTrue(start >= 0 && end > start, "expected a JSON object, the page showed: " + text);
        try (JsonReader reader = Json.createReader(new StringReader(text.substring(start, end + 1)))) {
            return reader.readObject();
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
