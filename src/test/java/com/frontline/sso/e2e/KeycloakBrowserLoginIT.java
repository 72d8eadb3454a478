package com.frontline.sso.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.frontline.sso.testsupport.ChromiumBrowser;
import com.frontline.sso.testsupport.RealmUser;
import com.frontline.sso.testsupport.SsoStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The whole login as a person does it: real Chromium, real Keycloak, the real WAR on Payara Micro.
 * The app is on {@code localhost}, Keycloak on {@code 127.0.0.1}: two sites, as in production.
 */
class KeycloakBrowserLoginIT {

    /** A deep link with a query string: the login must bring the agent back to exactly this. */
    private static final String DEEP_LINK = "/index.html?tab=queue";

    private static SsoStack stack;

    private ChromiumBrowser browser;

    /** Saves a screenshot and the page source of a failed test before the browser is closed. */
    @RegisterExtension
    final AfterTestExecutionCallback evidenceOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            browser.saveEvidence(stack.workDir(), context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    static void startStack() {
        stack = SsoStack.builder(KeycloakBrowserLoginIT.class.getSimpleName()).start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void freshBrowser(TestInfo info) {
        browser = ChromiumBrowser.start(stack.workDir(), info.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void agentLandsBackOnTheDeepLinkAndSeesHerProfile() {
        String deepLink = stack.appUrl(DEEP_LINK);
        browser.open(deepLink);
        awaitKeycloakLoginPage("opening " + deepLink + " without a session");

        browser.logInToKeycloak(RealmUser.ALICE);

        browser.waitFor("the browser to come back from Keycloak to exactly " + deepLink,
                d -> deepLink.equals(d.getCurrentUrl()));
        assertEquals(RealmUser.ALICE.email(), browser.textOf("agent-email"),
                "the console should show the logged-in agent's email (from /api/me) in #agent-email");
        String roles = browser.textOf("agent-roles");
        assertTrue(roles.contains("agent"), "the console should list alice's role 'agent' in #agent-roles, showed: " + roles);

        browser.open(stack.appUrl("/api/me"));
        JsonObject me = json(browser.pageText());
        assertEquals(RealmUser.ALICE.email(), me.getString("email", null),
                "/api/me in the logged-in browser should return alice's email, returned: " + me);
        List<String> meRoles = me.getJsonArray("roles").getValuesAs(JsonString::getString);
        assertTrue(meRoles.contains("agent"), "/api/me should list the role 'agent' for alice, returned: " + me);
    }

    @Test
    void supervisorWithoutAgentRoleIsForbidden() {
        browser.open(stack.appUrl("/"));
        awaitKeycloakLoginPage("opening the console without a session");

        browser.logInToKeycloak(RealmUser.BOB);

        browser.waitFor("the browser to come back from Keycloak to the app",
                d -> d.getCurrentUrl().startsWith(stack.appBaseUrl()));
        String page = browser.waitFor("the app's refusal page to render", d -> {
            String text = browser.pageText();
            return text.isBlank() ? null : text;
        });
        assertTrue(page.toLowerCase(Locale.ROOT).contains("agent"),
                "bob (supervisor only) should see a page naming the missing 'agent' role, saw: " + page);
        String console = browser.fetchFromPage("/");
        assertTrue(console.startsWith("403 "),
                "the console should answer 403 to bob's authenticated session, answered: " + abbreviate(console));
        String me = browser.fetchFromPage("/api/me");
        assertTrue(me.startsWith("403 "), "/api/me should answer 403 to bob, answered: " + abbreviate(me));
    }

    @Test
    void logoutEndsTheKeycloakSessionSoTheConsoleAsksKeycloakAgain() {
        browser.open(stack.appUrl("/"));
        awaitKeycloakLoginPage("opening the console without a session");
        browser.logInToKeycloak(RealmUser.ALICE);
        assertEquals(RealmUser.ALICE.email(), browser.textOf("agent-email"),
                "alice should be logged in before the logout is tested");

        browser.open(stack.appUrl("/logout"));
        // Single logout: app -> Keycloak (signed LogoutRequest) -> app's SLO endpoint -> signed-out page.
        String landed = browser.waitFor("the single logout to come back from Keycloak to a page of the app",
                d -> {
                    String url = d.getCurrentUrl();
                    boolean settled = url.startsWith(stack.appBaseUrl()) && !url.contains("/logout") && !url.contains("/saml/")
                            && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
                    return settled ? url : null;
                });
        String me = browser.fetchFromPage("/api/me");
        assertFalse(me.startsWith("200 "), "/api/me must not answer 200 after /logout (landed on " + landed
                + "), answered: " + abbreviate(me));

        browser.open(stack.appUrl("/"));
        awaitKeycloakLoginPage("opening the console after /logout: Keycloak must ask for the password again,"
                + " because single logout ended its session too");
    }

    @Test
    void logoutAtKeycloakEndsTheAppSession() {
        browser.open(stack.appUrl("/"));
        awaitKeycloakLoginPage("opening the console without a session");
        browser.logInToKeycloak(RealmUser.ALICE);
        assertEquals(RealmUser.ALICE.email(), browser.textOf("agent-email"), "alice should be logged in first");

        // Keycloak's own logout: it asks for confirmation, then sends a signed LogoutRequest through the
        // browser to the app's /saml/slo (front-channel) and expects the app's signed LogoutResponse back.
        browser.open(stack.keycloak().baseUrl() + "/realms/frontline/protocol/openid-connect/logout");
        browser.waitFor("Keycloak's logout confirmation", d -> !d.findElements(By.id("kc-logout")).isEmpty());
        browser.driver().findElement(By.id("kc-logout")).click();
        browser.waitFor("Keycloak to finish the logout of every client",
                d -> d.getCurrentUrl().startsWith(stack.keycloak().baseUrl())
                        && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                        && !d.getCurrentUrl().contains("/saml/slo")
                        && d.findElements(By.id("kc-logout")).isEmpty());

        browser.open(stack.appUrl("/signed-out.html"));
        String me = browser.fetchFromPage("/api/me");
        assertFalse(me.startsWith("200 "), "after logging out at Keycloak, the app session must be over; /api/me answered: "
                + abbreviate(me));
    }

    private void awaitKeycloakLoginPage(String after) {
        String keycloak = stack.keycloak().baseUrl();
        browser.waitFor("Keycloak's login page (" + keycloak + ") after " + after,
                d -> d.getCurrentUrl().startsWith(keycloak) && !d.findElements(By.id("username")).isEmpty());
    }

    private static JsonObject json(String text) {
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        assertTrue(start >= 0 && end > start, "expected a JSON object, the page showed: " + text);
        try (JsonReader reader = Json.createReader(new StringReader(text.substring(start, end + 1)))) {
            return reader.readObject();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
