package com.frontline.sso.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ACS guard's own form parsing, which must read a form exactly as the Servlet container would. */
class UrlEncodedFormTest {

    private static UrlEncodedForm parse(String body) {
        return UrlEncodedForm.parse(body.getBytes(StandardCharsets.US_ASCII), StandardCharsets.UTF_8);
    }

    @Test
    void decodesPercentEscapesAndPlusInNamesAndValues() {
        UrlEncodedForm form = parse("SAMLResponse=PHI%2BPC9yPg%3D%3D&RelayState=%2Fcases%3Fq%3Da+b%C3%A9&we%20ird=1");
        assertArrayEquals("PHI+PC9yPg==".getBytes(StandardCharsets.US_ASCII), form.bytes("SAMLResponse"));
        assertEquals("/cases?q=a bé", form.texts().get("RelayState")[0]);
        assertEquals("1", form.texts().get("we ird")[0]);
        assertNull(form.bytes("SAMLRequest"));
    }

    @Test
    void keepsRepeatedFieldsInOrderAndToleratesEmptySegments() {
        Map<String, String[]> texts = parse("&a=1&&a=2&flag&b=").texts();
        assertEquals(List.of("a", "flag", "b"), List.copyOf(texts.keySet()));
        assertArrayEquals(new String[] {"1", "2"}, texts.get("a"));
        assertArrayEquals(new String[] {""}, texts.get("flag"));
        assertArrayEquals(new String[] {""}, texts.get("b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SAMLResponse=abc%", "SAMLResponse=abc%4", "SAMLResponse=%zz", "%g0=1"})
    void refusesBrokenPercentEscapes(String body) {
        assertThrows(IllegalArgumentException.class, () -> parse(body));
    }
}
