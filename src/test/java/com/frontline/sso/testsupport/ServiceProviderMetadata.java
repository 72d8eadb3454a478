package com.frontline.sso.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** What the harness reads from the app's SAML SP metadata: its entity id and signing certificate. */
public record ServiceProviderMetadata(String entityId, String signingCertificate) {

    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    /** Fetches and parses the metadata the app serves at {@code url}. */
    public static ServiceProviderMetadata fetch(URI url) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("SP metadata " + url + " answered " + response.statusCode()
                        + ": " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("could not fetch SP metadata " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Parses SP metadata; the certificate is the base64 DER of the signing (or unrestricted) KeyDescriptor. */
    public static ServiceProviderMetadata parse(byte[] xml) {
        Document document = readXml(xml);
        Element root = document.getDocumentElement();
        String entityId = root.getAttribute("entityID");
        NodeList keyDescriptors = root.getElementsByTagNameNS(MD, "KeyDescriptor");
        for (int i = 0; i < keyDescriptors.getLength(); i++) {
            Element keyDescriptor = (Element) keyDescriptors.item(i);
            String use = keyDescriptor.getAttribute("use");
            NodeList certificates = keyDescriptor.getElementsByTagNameNS(DS, "X509Certificate");
            if ((use.isEmpty() || use.equals("signing")) && certificates.getLength() > 0) {
                String base64 = certificates.item(0).getTextContent().replaceAll("\\s", "");
                return new ServiceProviderMetadata(entityId, base64);
            }
        }
        throw new IllegalStateException("SP metadata of " + entityId + " has no signing KeyDescriptor with an X509Certificate");
    }

    private static Document readXml(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("SP metadata is not well-formed XML", e);
        }
    }
}
