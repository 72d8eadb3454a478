package com.frontline.sso.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.frontline.sso.testsupport.BrowserPerTest;
import com.frontline.sso.testsupport.ChromiumBrowser;
import com.frontline.sso.testsupport.RealmUser;
import com.frontline.sso.testsupport.SsoStack;
import com.frontline.sso.testsupport.SsoStack.Idp;
import com.frontline.sso.testsupport.saml.SpClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Several IdPs in one deployment: workspace {@code kc} (Keycloak) and {@code ssp} (SimpleSAMLphp, the
 * email domain {@code example.com}), each with its own entity ID, ACS and SLO. The workspace comes from
 * the ID or email typed on /login, or from {@code ?workspace=}; a response of one workspace's IdP is
 * refused at the other's ACS.
 */
class WorkspacesBrowserIT {

    private static final String DEEP_LINK = "/index.html?tab=queue";
    private static final String SSP_DOMAIN = "example.com";

    private static SsoStack stack;

    @RegisterExtension
    final BrowserPerTest browsers = new BrowserPerTest(() -> stack.workDir());

    @BeforeAll
    static void startStack() {
        stack = SsoStack.builder(WorkspacesBrowserIT.class.getSimpleName())
                .workspace("kc", Idp.KEYCLOAK)
                .workspace("ssp", Idp.SIMPLESAMLPHP)
                .appEnv("SSO_WORKSPACE_SSP_EMAIL_DOMAINS", SSP_DOMAIN)
                .start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void protectedPageWithoutWorkspaceAsksOnTheLoginPage() {
        ChromiumBrowser browser = browsers.browser();
        browser.open(stack.appUrl(DEEP_LINK));
        awaitLoginPage(browser);
        assertTrue(browser.pageText().contains("Workspace ID or work email"), "the login page should ask for the workspace: "
                + browser.pageText());
        assertTrue(browser.driver().findElements(By.id("login-error")).isEmpty(), "no error before anything was typed");

        HttpResponse<String> api = new SpClient(URI.create(stack.appBaseUrl())).get("/api/me", "application/json");
        assertEquals(401, api.statusCode(), "an API call without a session gets 401, not the login page: " + api.body());
        assertEquals("unauthenticated", AgentConsole.json(api.body()).getString("error"), api.body());
    }

    @Test
    void typedWorkspaceIdGoesToKeycloakAndBackToTheDeepLink() {
        ChromiumBrowser browser = browsers.browser();
        String deepLink = stack.appUrl(DEEP_LINK);
        browser.open(deepLink);
        typeOnLoginPage(browser, "kc");
        AgentConsole.awaitLoginForm(browser, stack.keycloak().baseUrl(), "typing the workspace ID kc");

        browser.logInToKeycloak(RealmUser.ALICE);

        browser.waitFor("alice to land on exactly " + deepLink, d -> deepLink.equals(d.getCurrentUrl()));
        AgentConsole.assertShowsAgent(browser, RealmUser.ALICE);
        JsonObject me = AgentConsole.assertApiMe(browser, stack.appBaseUrl(), RealmUser.ALICE);
        assertEquals(stack.keycloak().baseUrl() + "/realms/frontline", me.getString("idp", null), "IdP of the kc workspace: " + me);
    }

    @Test
    void typedEmailGoesToTheWorkspaceOfItsDomain() {
        ChromiumBrowser browser = browsers.browser();
        String deepLink = stack.appUrl(DEEP_LINK);
        browser.open(deepLink);
        typeOnLoginPage(browser, RealmUser.ALICE.email());
        AgentConsole.awaitLoginForm(browser, stack.simpleSamlPhp().baseUrl(), "typing an email of " + SSP_DOMAIN);

        browser.logInToSimpleSamlPhp(RealmUser.ALICE);

        browser.waitFor("alice to land on exactly " + deepLink, d -> deepLink.equals(d.getCurrentUrl()));
        JsonObject me = AgentConsole.assertApiMe(browser, stack.appBaseUrl(), RealmUser.ALICE);
        assertEquals(stack.simpleSamlPhp().entityId(), me.getString("idp", null), "IdP of the ssp workspace: " + me);
    }

    @Test
    void workspaceParameterOnADeepLinkGoesStraightToItsIdp() {
        ChromiumBrowser browser = browsers.browser();
        String deepLink = stack.appUrl(DEEP_LINK + "&workspace=ssp");
        browser.open(deepLink);
        AgentConsole.awaitLoginForm(browser, stack.simpleSamlPhp().baseUrl(), "opening " + deepLink);

        browser.logInToSimpleSamlPhp(RealmUser.CAROL);

        browser.waitFor("carol to land on exactly " + deepLink, d -> deepLink.equals(d.getCurrentUrl()));
        AgentConsole.assertShowsAgent(browser, RealmUser.CAROL);
    }

    @Test
    void unknownWorkspaceShowsTheLoginPageWithAnError() {
        ChromiumBrowser browser = browsers.browser();
        browser.open(stack.appUrl(DEEP_LINK));
        typeOnLoginPage(browser, "globex");

        String error = browser.textOf("login-error");
        assertTrue(error.contains("No workspace matches") && error.contains("globex"),
                "the login page should say that no workspace matches 'globex', said: " + error);
        assertTrue(browser.currentUrl().startsWith(stack.appUrl("/login")), "still on the login page: " + browser.currentUrl());
        String status = browser.fetchFromPage("/login?workspace=globex");
        assertTrue(status.startsWith("404 "), "an unknown workspace answers 404, answered: " + AgentConsole.abbreviate(status));
    }

    /**
     * A genuine, signed Keycloak response for the kc workspace, read from Keycloak's POST form in a
     * browser without JavaScript (so the form is not submitted), then posted by another client to the
     * ssp workspace's ACS: refused, and no session. Posted afterwards to the kc ACS it is accepted,
     * which shows that the refusal is about the workspace and not a broken capture.
     *
     * <p>The code is {@code invalid_destination}: Keycloak signed a Response whose Destination is the kc
     * ACS, and the ssp ACS checks that first, before the signature. Every later check would refuse it
     * too (the ssp workspace trusts only SimpleSAMLphp's key; the Audience is kc's entity ID; the
     * InResponseTo names a request of the kc workspace), and editing the Destination breaks Keycloak's
     * signature.
     */
    @Test
    void responseOfOneWorkspacesIdpIsRefusedAtAnotherWorkspace() {
        ChromiumBrowser browser = browsers.startWithoutJavaScript();
        browser.open(stack.appUrl(DEEP_LINK + "&workspace=kc"));
        AgentConsole.awaitLoginForm(browser, stack.keycloak().baseUrl(), "opening a deep link with ?workspace=kc");
        browser.logInToKeycloak(RealmUser.ALICE);
        String[] form = browser.waitFor("Keycloak's POST form to the kc ACS", WorkspacesBrowserIT::samlPostForm);
        assertEquals(stack.serviceProvider("kc").acsUrl(), form[0], "Keycloak posts to the kc workspace's ACS");
        String samlResponse = form[1];
        String body = "SAMLResponse=" + URLEncoder.encode(samlResponse, StandardCharsets.UTF_8);

        SpClient attacker = new SpClient(URI.create(stack.appBaseUrl()));
        HttpResponse<String> refused = attacker.postForm(stack.serviceProvider("ssp").acsUrl(), body, "application/json");
        JsonObject error = AgentConsole.json(refused.body());
        assertEquals(403, refused.statusCode(), "the ssp ACS must refuse kc's response: " + refused.body());
        assertEquals("invalid_destination", error.getString("error"),
                "Keycloak's response is addressed to the kc ACS, not the ssp ACS: " + refused.body());
        assertFalse(attacker.hasSession(), "no session may come from a refused response");

        SpClient agent = new SpClient(URI.create(stack.appBaseUrl()));
        HttpResponse<String> accepted = agent.postForm(stack.serviceProvider("kc").acsUrl(), body, "text/html");
        assertEquals(303, accepted.statusCode(), "the same response is valid at the kc ACS: " + AgentConsole.abbreviate(accepted.body()));
        assertTrue(agent.hasSession(), "the kc ACS accepted the captured response, so it was genuine");
    }

    private static void awaitLoginPage(ChromiumBrowser browser) {
        browser.waitFor("the app's /login page", d -> d.getCurrentUrl().startsWith(stack.appUrl("/login"))
                && !d.findElements(By.id("workspace")).isEmpty());
    }

    private static void typeOnLoginPage(ChromiumBrowser browser, String typed) {
        awaitLoginPage(browser);
        WebElement field = browser.driver().findElement(By.id("workspace"));
        field.clear();
        field.sendKeys(typed);
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
    }

    /**
     * The action and SAMLResponse of the IdP's auto-post form, or null while the page is still loading (elements
     * found a moment ago can go stale as the login page is replaced).
     */
    private static String[] samlPostForm(org.openqa.selenium.WebDriver driver) {
        try {
            for (WebElement form : driver.findElements(By.cssSelector("form"))) {
                var fields = form.findElements(By.name("SAMLResponse"));
                if (!fields.isEmpty()) {
                    return new String[] {form.getAttribute("action"), fields.get(0).getAttribute("value")};
                }
            }
            return null;
        } catch (org.openqa.selenium.StaleElementReferenceException stillLoading) {
            return null;
        }
    }
}
