package com.frontline.sso.e2e;

import static com.frontline.sso.e2e.AgentConsole.abbreviate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.frontline.sso.testsupport.BrowserPerTest;
import com.frontline.sso.testsupport.ChromiumBrowser;
import com.frontline.sso.testsupport.RealmUser;
import com.frontline.sso.testsupport.SsoStack;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The login through a second real IdP: Debian's SimpleSAMLphp 1.19 ({@code exampleauth:UserPass}, the
 * users of the Keycloak realm), which signs response and assertion with RSA-SHA256 and checks the
 * signature of the app's AuthnRequest. The app is on {@code localhost}, the IdP on {@code 127.0.0.1}.
 */
class SimpleSamlPhpBrowserLoginIT {

    /** A deep link with a query string: the login must bring the agent back to exactly this. */
    private static final String DEEP_LINK = "/index.html?tab=queue&filter=open";

    private static SsoStack stack;

    @RegisterExtension
    final BrowserPerTest browsers = new BrowserPerTest(() -> stack.workDir());

    @BeforeAll
    static void startStack() {
        stack = SsoStack.builder(SimpleSamlPhpBrowserLoginIT.class.getSimpleName()).idp(SsoStack.Idp.SIMPLESAMLPHP).start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void agentLandsBackOnTheDeepLinkAndSeesHerProfile() {
        ChromiumBrowser browser = browsers.browser();
        String deepLink = stack.appUrl(DEEP_LINK);
        browser.open(deepLink);
        AgentConsole.awaitLoginForm(browser, stack.simpleSamlPhp().baseUrl(), "opening " + deepLink + " without a session");

        browser.logInToSimpleSamlPhp(RealmUser.ALICE);

        browser.waitFor("the browser to come back from SimpleSAMLphp to exactly " + deepLink,
                d -> deepLink.equals(d.getCurrentUrl()));
        AgentConsole.assertShowsAgent(browser, RealmUser.ALICE);
        JsonObject me = AgentConsole.assertApiMe(browser, stack.appBaseUrl(), RealmUser.ALICE);
        assertEquals(stack.simpleSamlPhp().entityId(), me.getString("idp", null), "/api/me should name SimpleSAMLphp as the IdP: " + me);
        assertEquals(RealmUser.ALICE.fullName(), me.getString("name", null), "the name attribute should reach /api/me: " + me);
    }

    @Test
    void bothValuesOfTheMultiValuedRolesAttributeArrive() {
        ChromiumBrowser browser = signsInFromTheConsole(RealmUser.CAROL);

        AgentConsole.assertShowsAgent(browser, RealmUser.CAROL);
    }

    @Test
    void logoutEndsTheSimpleSamlPhpSessionToo() {
        ChromiumBrowser browser = signsInFromTheConsole(RealmUser.ALICE);
        AgentConsole.assertShowsAgent(browser, RealmUser.ALICE);

        // Single logout: app -> SimpleSAMLphp (signed LogoutRequest, validate.logout) -> app's /saml/slo -> signed-out page.
        browser.open(stack.appUrl("/logout"));
        browser.waitFor("the single logout to come back from SimpleSAMLphp to the signed-out page",
                d -> stack.appUrl("/signed-out.html").equals(d.getCurrentUrl()));
        String me = browser.fetchFromPage("/api/me");
        assertTrue(me.startsWith("401 "), "/api/me should answer 401 after /logout, answered: " + abbreviate(me));

        browser.open(stack.appUrl("/"));
        AgentConsole.awaitLoginForm(browser, stack.simpleSamlPhp().baseUrl(),
                "opening the console after /logout: SimpleSAMLphp must ask for the password again");
    }

    @Test
    void supervisorWithoutAgentRoleIsForbidden() {
        ChromiumBrowser browser = signsInFromTheConsole(RealmUser.BOB);

        String page = AgentConsole.assertErrorPage(browser, stack.appBaseUrl(), "role_missing");
        assertTrue(AgentConsole.mentions(page, "'agent' role"),
                "bob (supervisor only) should see a page naming the missing 'agent' role, saw: " + page);
        String console = browser.fetchFromPage("/");
        assertTrue(console.startsWith("403 "), "the console should answer 403 to bob's session, answered: " + abbreviate(console));
        String me = browser.fetchFromPage("/api/me");
        assertTrue(me.startsWith("403 "), "/api/me should answer 403 to bob, answered: " + abbreviate(me));
    }

    /** {@code user} opens the console without a session and signs in at SimpleSAMLphp. */
    private ChromiumBrowser signsInFromTheConsole(RealmUser user) {
        ChromiumBrowser browser = browsers.browser();
        browser.open(stack.appUrl("/"));
        AgentConsole.awaitLoginForm(browser, stack.simpleSamlPhp().baseUrl(), "opening the console without a session");
        browser.logInToSimpleSamlPhp(user);
        return browser;
    }
}
