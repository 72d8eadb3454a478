package com.frontline.sso.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

class UrlEncodedFormTest {

    private static Map<String, String[]> parse(String body) {
        return UrlEncodedForm.parse(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    @Test
    void aBase64MessageComesBackAsTheIdpEncodedIt() {
        byte[] xml = new byte[12_000];
        ThreadLocalRandom.current().nextBytes(xml);
        String base64 = Base64.getMimeEncoder().encodeToString(xml);
        Map<String, String[]> form = parse("SAMLResponse=" + URLEncoder.encode(base64, StandardCharsets.UTF_8)
                + "&RelayState=" + URLEncoder.encode("/index.html?tab=queue&x=a b", StandardCharsets.UTF_8));
        assertEquals(List.of("SAMLResponse", "RelayState"), List.copyOf(form.keySet()));
        assertEquals(base64, form.get("SAMLResponse")[0]);
        assertEquals("/index.html?tab=queue&x=a b", form.get("RelayState")[0]);
    }

    @Test
    void plusIsASpaceAndEscapesAreBytesOfTheCharset() {
        Map<String, String[]> form = parse("name=Ana+Mar%C3%ADa&sign=%2B%2f%3D&raw=abc");
        assertEquals("Ana María", form.get("name")[0]);
        assertEquals("+/=", form.get("sign")[0]);
        assertEquals("abc", form.get("raw")[0]);
    }

    @Test
    void repeatedFieldsKeepTheirOrder() {
        assertArrayEquals(new String[] {"1", "2", "3"}, parse("a=1&b=x&a=2&a=3").get("a"));
    }

    @Test
    void aFieldWithoutValueIsEmptyAndEmptyPiecesAreSkipped() {
        Map<String, String[]> form = parse("&flag&empty=&&x=1&");
        assertEquals("", form.get("flag")[0]);
        assertEquals("", form.get("empty")[0]);
        assertEquals("1", form.get("x")[0]);
        assertEquals(3, form.size());
        assertTrue(parse("").isEmpty());
    }

    @Test
    void aFieldWithABrokenEscapeIsSkippedAsTheContainerDoes() {
        Map<String, String[]> form = parse("SAMLResponse=abc%2&RelayState=%zz1&ok=%41");
        assertFalse(form.containsKey("SAMLResponse"));
        assertFalse(form.containsKey("RelayState"));
        assertEquals("A", form.get("ok")[0]);
        assertFalse(parse("=nameless").containsKey(""));
    }

    @Test
    void onlyAUrlEncodedFormIsReadAsOne() {
        assertTrue(UrlEncodedForm.isForm("application/x-www-form-urlencoded"));
        assertTrue(UrlEncodedForm.isForm("Application/X-WWW-Form-URLEncoded ; charset=UTF-8"));
        assertFalse(UrlEncodedForm.isForm("multipart/form-data; boundary=x"));
        assertFalse(UrlEncodedForm.isForm("application/x-www-form-urlencoded-not"));
        assertFalse(UrlEncodedForm.isForm(null));
    }
}
