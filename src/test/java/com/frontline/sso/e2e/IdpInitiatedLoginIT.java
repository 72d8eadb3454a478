package com.frontline.sso.e2e;

import static com.frontline.sso.e2e.AgentConsole.abbreviate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.frontline.sso.testsupport.BrowserPerTest;
import com.frontline.sso.testsupport.ChromiumBrowser;
import com.frontline.sso.testsupport.RealmUser;
import com.frontline.sso.testsupport.SsoStack;
import com.frontline.sso.testsupport.SsoStack.Idp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Logins started at the IdP's portal (unsolicited responses) from both real IdPs, in one app with a
 * workspace per IdP ({@code kc}: Keycloak, {@code ssp}: SimpleSAMLphp). With
 * {@code SSO_IDP_INITIATED_ENABLED=true} they land in the app; then the app is restarted with it off
 * (same port, same SP key, so the IdPs need no change) and the same logins get the
 * {@code unsolicited_response} page and no session. The tests run in order so the app restarts once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdpInitiatedLoginIT {

    private static final String ENABLED = "SSO_IDP_INITIATED_ENABLED";
    /** The visible sentence of the unsolicited_response page. */
    private static final String REFUSAL = "Sign-in started at the identity provider is not enabled.";

    private static SsoStack stack;
    private static boolean idpInitiatedEnabled;

    @RegisterExtension
    final BrowserPerTest browsers = new BrowserPerTest(() -> stack.workDir());

    @BeforeAll
    static void startStack() {
        stack = SsoStack.builder(IdpInitiatedLoginIT.class.getSimpleName())
                .workspace("kc", Idp.KEYCLOAK)
                .workspace("ssp", Idp.SIMPLESAMLPHP)
                .appEnv(ENABLED, "true")
                .start();
        idpInitiatedEnabled = true;
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void fromSimpleSamlPhpLandsOnTheRelayStatePageWhenEnabled() {
        useIdpInitiated(true);
        String relayState = "/index.html?tab=queue";
        String deepLink = stack.appUrl(relayState);
        ChromiumBrowser browser = aliceSignsInAtSimpleSamlPhp("&RelayState=" + URLEncoder.encode(relayState, StandardCharsets.UTF_8));

        browser.waitFor("the unsolicited response to land on its RelayState " + deepLink, d -> deepLink.equals(d.getCurrentUrl()));
        AgentConsole.assertShowsAgent(browser, RealmUser.ALICE);
    }

    @Test
    @Order(2)
    void fromKeycloakLandsOnTheConsoleWhenEnabled() {
        useIdpInitiated(true);
        ChromiumBrowser browser = aliceSignsInAtKeycloak();

        browser.waitFor("the unsolicited response to land on the console (sso.idp-initiated.landing=/)",
                d -> stack.appUrl("/").equals(d.getCurrentUrl()));
        AgentConsole.assertShowsAgent(browser, RealmUser.ALICE);
    }

    @Test
    @Order(3)
    void fromSimpleSamlPhpIsRefusedWhenDisabled() {
        useIdpInitiated(false);
        assertRefusedWithoutSession(aliceSignsInAtSimpleSamlPhp(""), "/saml/acs/ssp");
    }

    @Test
    @Order(4)
    void fromKeycloakIsRefusedWhenDisabled() {
        useIdpInitiated(false);
        assertRefusedWithoutSession(aliceSignsInAtKeycloak(), "/saml/acs/kc");
    }

    /** Alice opens SimpleSAMLphp's IdP-initiated URL for the ssp workspace ({@code extraQuery} appended) and signs in. */
    private ChromiumBrowser aliceSignsInAtSimpleSamlPhp(String extraQuery) {
        ChromiumBrowser browser = browsers.browser();
        browser.open(stack.simpleSamlPhp().idpInitiatedLoginUrl(stack.serviceProvider("ssp")) + extraQuery);
        AgentConsole.awaitLoginForm(browser, stack.simpleSamlPhp().baseUrl(), "opening SimpleSAMLphp's IdP-initiated URL");
        browser.logInToSimpleSamlPhp(RealmUser.ALICE);
        return browser;
    }

    /** Alice opens Keycloak's IdP-initiated URL of the realm's client (the kc workspace) and signs in. */
    private ChromiumBrowser aliceSignsInAtKeycloak() {
        ChromiumBrowser browser = browsers.browser();
        browser.open(stack.keycloak().idpInitiatedLoginUrl().toString());
        AgentConsole.awaitLoginForm(browser, stack.keycloak().baseUrl(), "opening Keycloak's IdP-initiated URL");
        browser.logInToKeycloak(RealmUser.ALICE);
        return browser;
    }

    /** The IdP posted to {@code acsPath}; the browser shows the unsolicited_response page and has no session. */
    private static void assertRefusedWithoutSession(ChromiumBrowser browser, String acsPath) {
        String page = AgentConsole.assertErrorPage(browser, stack.appBaseUrl(), "unsolicited_response");
        assertEquals(stack.appUrl(acsPath), browser.currentUrl(), "the refusal should be the ACS's answer to the IdP's POST");
        assertTrue(page.contains(REFUSAL), "the page should say '" + REFUSAL + "', showed: " + page);
        assertTrue(page.contains("sso.idp-initiated.enabled"), "the page should tell the administrator the setting: " + page);
        String me = browser.fetchFromPage("/api/me");
        assertFalse(me.startsWith("200 "), "/api/me must not answer 200 after a refused IdP-initiated login, answered: "
                + abbreviate(me));
        assertTrue(me.startsWith("401 "), "/api/me should answer 401 (no session), answered: " + abbreviate(me));
    }

    /** Restarts the app when the wanted setting differs from the running one (once, given the test order). */
    private static void useIdpInitiated(boolean enabled) {
        if (idpInitiatedEnabled != enabled) {
            stack.restartApp(Map.of(ENABLED, Boolean.toString(enabled)));
            idpInitiatedEnabled = enabled;
        }
    }
}
