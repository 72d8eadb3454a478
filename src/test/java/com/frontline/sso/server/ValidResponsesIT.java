package com.frontline.sso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.frontline.sso.testsupport.saml.IdpStyle;
import com.frontline.sso.testsupport.saml.SpClient;
import com.frontline.sso.testsupport.saml.TestIdp;

/**
 * What the attack suite must not break: a valid response signs the user in whichever part the IdP signs, the
 * Response only (Google), the Assertion only (Entra ID) or both (Okta, Keycloak).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ValidResponsesIT {

    private static final String PAGE = "/index.html?view=inbox";

    private SpClient browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ArquillianDeployment.builtWar();
    }

    @BeforeEach
    void newBrowser() {
        browser = new SpClient(ArquillianDeployment.baseUrl());
    }

    @Test
    void googleStyleResponseSignedOnly() {
        assertSignsIn(IdpStyle.GOOGLE);
    }

    @Test
    void entraStyleAssertionSignedOnly() {
        assertSignsIn(IdpStyle.ENTRA);
    }

    @Test
    void oktaStyleResponseAndAssertionSigned() {
        assertSignsIn(IdpStyle.OKTA);
    }

    @Test
    void keycloakStyleResponseAndAssertionSignedWithARoleList() {
        assertSignsIn(IdpStyle.KEYCLOAK);
    }

    private void assertSignsIn(IdpStyle style) {
        String requestId = browser.startLogin(PAGE).id();
        HttpResponse<String> acs = browser.postAcs(style.shape(TestIdp.trusted().response(browser.spEntityId(), browser.acsUrl())
                .inResponseTo(requestId)).sign().base64());

        assertEquals(303, acs.statusCode(), acs.body());
        assertEquals(PAGE, acs.headers().firstValue("Location").map(ArquillianDeploymentUrls::path).orElse(""));
        SignedInAgent.assertSignedInAs(browser, IdpStyle.EMAIL, style.roles());
        assertEquals(200, browser.get(PAGE).statusCode(), "the requested page is served");
    }
}
