package com.frontline.sso.testsupport.saml;

import java.util.List;

import org.opensaml.saml.saml2.core.NameIDType;

/**
 * How real identity providers shape a successful response for alice, an agent: what they sign and how they
 * name the claims. Each style names the identity the SP must end up with.
 */
public enum IdpStyle {

    /** Google Workspace: only the Response is signed; the email is the NameID, roles come from a custom attribute. */
    GOOGLE(true, false, List.of("agent")) {
        @Override
        ResponseForge claims(ResponseForge forge) {
            return forge.withoutAttribute("email").withoutAttribute("name");
        }
    },
    /** Microsoft Entra ID: only the Assertion is signed; an opaque persistent NameID and claims named by URI. */
    ENTRA(false, true, List.of("agent")) {
        @Override
        ResponseForge claims(ResponseForge forge) {
            return forge.withoutAttribute("email").withoutAttribute("roles").withoutAttribute("name")
                    .nameId("Zk9vQmFyQmF6LWFsaWNlLW9wYXF1ZQ", NameIDType.PERSISTENT)
                    .attribute("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", EMAIL)
                    .attribute("http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "agent")
                    .attribute("http://schemas.microsoft.com/identity/claims/displayname", "Alice Agent");
        }
    },
    /** Okta: Response and Assertion signed, an email NameID and plain attribute names. */
    OKTA(true, true, List.of("agent")) {
        @Override
        ResponseForge claims(ResponseForge forge) {
            return forge;
        }
    },
    /** Keycloak: Response and Assertion signed; the role list mapper sends one multi-valued roles attribute. */
    KEYCLOAK(true, true, List.of("agent", "supervisor")) {
        @Override
        ResponseForge claims(ResponseForge forge) {
            return forge.nameId("alice", NameIDType.UNSPECIFIED).attribute("roles", "agent", "supervisor");
        }
    };

    /** The user every style signs in. */
    public static final String EMAIL = "alice@example.com";

    private final boolean signsResponse;
    private final boolean signsAssertion;
    private final List<String> roles;

    IdpStyle(boolean signsResponse, boolean signsAssertion, List<String> roles) {
        this.signsResponse = signsResponse;
        this.signsAssertion = signsAssertion;
        this.roles = roles;
    }

    abstract ResponseForge claims(ResponseForge forge);

    /** Shapes the forge's response the way this IdP would. */
    public ResponseForge shape(ResponseForge forge) {
        return claims(forge.signResponse(signsResponse).signAssertion(signsAssertion));
    }

    /** The roles the IdP signed for alice; the SP must show exactly these. */
    public List<String> roles() {
        return roles;
    }
}
