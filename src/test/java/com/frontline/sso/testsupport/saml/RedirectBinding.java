package com.frontline.sso.testsupport.saml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;

/** Reads an HTTP-Redirect binding URL the way an IdP does: inflates the message and checks its signature. */
public final class RedirectBinding {

    private final URI location;
    private final Map<String, String> rawParameters;
    private final Element message;

    private RedirectBinding(URI location, Map<String, String> rawParameters, Element message) {
        this.location = location;
        this.rawParameters = rawParameters;
        this.message = message;
    }

    public static RedirectBinding decode(String url) {
        URI uri = URI.create(url);
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            raw.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        String encoded = raw.containsKey("SAMLRequest") ? raw.get("SAMLRequest") : raw.get("SAMLResponse");
        byte[] deflated = Base64.getMimeDecoder().decode(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        try (var in = new InflaterInputStream(new ByteArrayInputStream(deflated), new Inflater(true))) {
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            in.transferTo(xml);
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.toByteArray())).getDocumentElement();
            return new RedirectBinding(uri, raw, root);
        } catch (Exception e) {
            throw new IllegalStateException("not a valid HTTP-Redirect SAML message: " + url, e);
        }
    }

    public Element message() {
        return message;
    }

    public String id() {
        return message.getAttribute("ID");
    }

    public String endpoint() {
        return location.getScheme() + "://" + location.getRawAuthority() + location.getRawPath();
    }

    public String parameter(String name) {
        String value = rawParameters.get(name);
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** Verifies the query-string signature (SAML bindings 3.4.4.1) with the given certificate. */
    public boolean signatureVerifies(X509Certificate certificate) {
        String sigAlg = parameter("SigAlg");
        if (sigAlg == null || parameter("Signature") == null) {
            return false;
        }
        StringBuilder signed = new StringBuilder();
        for (String name : new String[] {"SAMLRequest", "SAMLResponse", "RelayState", "SigAlg"}) {
            if (rawParameters.containsKey(name)) {
                signed.append(signed.length() == 0 ? "" : "&").append(name).append('=').append(rawParameters.get(name));
            }
        }
        try {
            Signature verifier = Signature.getInstance(jcaName(sigAlg));
            verifier.initVerify(certificate);
            verifier.update(signed.toString().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getMimeDecoder().decode(parameter("Signature")));
        } catch (Exception e) {
            return false;
        }
    }

    private static String jcaName(String sigAlg) {
        return switch (sigAlg) {
            case "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" -> "SHA256withRSA";
            case "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512" -> "SHA512withRSA";
            case "http://www.w3.org/2000/09/xmldsig#rsa-sha1" -> "SHA1withRSA";
            default -> throw new IllegalArgumentException("unexpected SigAlg " + sigAlg);
        };
    }
}
