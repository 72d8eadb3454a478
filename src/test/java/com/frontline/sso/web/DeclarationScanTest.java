package com.frontline.sso.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard's DOCTYPE/ENTITY scan, which replaced a case-insensitive regular expression. */
class DeclarationScanTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE r [<!ENTITY x \"y\">]><r/>",
        "<?xml version=\"1.0\"?><!doctype r><r/>",
        "<r/><! \n\t DocType r>",
        "<!ENTITY x SYSTEM \"file:///etc/passwd\">",
        "<r><!-- harmless --><!eNtItY",
        "<!<!DOCTYPE",
    })
    void findsDeclarationsInAnyCaseAndSpacing(String xml) {
        assertTrue(SamlMessageGuardFilter.containsDeclaration(xml), xml);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<samlp:Response><saml:Assertion/></samlp:Response>",
        "<r><!-- DOCTYPE in a comment is text --></r>",
        "<r><![CDATA[<!]]></r>",
        "<r>DOCTYPE ENTITY</r>",
        "<!",
        "",
    })
    void acceptsMessagesWithoutDeclarations(String xml) {
        assertFalse(SamlMessageGuardFilter.containsDeclaration(xml), xml);
    }
}
