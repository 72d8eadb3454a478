package com.frontline.sso.saml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.NameID;

import com.frontline.sso.identity.Claims;

/**
 * Reads {@link Claims} from the one assertion that passed validation. Values are the element's whole text
 * content, so a comment or a second text node inside a value ({@code alice@example.com<!---->.evil.com})
 * can never shorten it.
 */
final class AssertionClaims {

    private AssertionClaims() {
    }

    static Claims from(Assertion assertion) {
        NameID nameId = assertion.getSubject() == null ? null : assertion.getSubject().getNameID();
        AuthnStatement authn = assertion.getAuthnStatements().isEmpty() ? null : assertion.getAuthnStatements().get(0);
        return new Claims(
                assertion.getIssuer() == null ? null : assertion.getIssuer().getValue(),
                nameId == null ? null : text(nameId),
                nameId == null ? null : nameId.getFormat(),
                attributes(assertion),
                authn == null ? null : authn.getAuthnInstant(),
                Optional.ofNullable(authn).map(AuthnStatement::getSessionNotOnOrAfter),
                Optional.ofNullable(authn).map(AuthnStatement::getSessionIndex));
    }

    private static Map<String, List<String>> attributes(Assertion assertion) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                List<String> texts = new ArrayList<>();
                for (XMLObject value : attribute.getAttributeValues()) {
                    texts.add(text(value));
                }
                values.computeIfAbsent(attribute.getName(), name -> new ArrayList<>()).addAll(texts);
                if (attribute.getFriendlyName() != null && !attribute.getFriendlyName().equals(attribute.getName())) {
                    values.computeIfAbsent(attribute.getFriendlyName(), name -> new ArrayList<>()).addAll(texts);
                }
            }
        }
        values.replaceAll((name, list) -> List.copyOf(list));
        return values;
    }

    private static String text(XMLObject value) {
        return value.getDOM() != null ? value.getDOM().getTextContent() : String.valueOf(value);
    }
}
