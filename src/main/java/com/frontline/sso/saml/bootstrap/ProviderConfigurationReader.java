package com.frontline.sso.saml.bootstrap;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.opensaml.core.xml.config.XMLConfigurationException;
import org.opensaml.core.xml.config.XMLConfigurator;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import net.shibboleth.utilities.java.support.primitive.StringSupport;
import net.shibboleth.utilities.java.support.xml.AttributeSupport;
import net.shibboleth.utilities.java.support.xml.ElementSupport;

/**
 * Reads OpenSAML's provider configuration files with the outcome of its own {@link XMLConfigurator} (object
 * providers in file order, ID attributes registered), except that each object provider is declared to
 * {@link OnDemandXmlObjectProviders} by its class names instead of being created.
 *
 * <p>Why not {@code XMLConfigurator} itself: for files that are OpenSAML's own, read from its jars, it builds the
 * configuration schema, validates each file against it while parsing, and serialises each file back to a string
 * for a trace log line whatever the log level: about a fifth of OpenSAML's initialisation, measured at startup.
 * Here the files are parsed by the JDK's own parser (no service lookup through the server's class path), with
 * DOCTYPEs refused.
 */
final class ProviderConfigurationReader {

    private static final String NS = XMLConfigurator.XMLTOOLING_CONFIG_NS;

    private final OnDemandXmlObjectProviders providers;
    private final DocumentBuilder parser;

    ProviderConfigurationReader(OnDemandXmlObjectProviders providers) throws XMLConfigurationException {
        this.providers = providers;
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setIgnoringComments(true);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // every node is read: Xerces' deferred DOM would only add a second pass (as in OpenSamlConfiguration's pool)
            factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            parser = factory.newDocumentBuilder();
            parser.setErrorHandler(new DefaultHandler()); // fatal errors thrown, not also printed to the console
        } catch (ParserConfigurationException e) {
            throw new XMLConfigurationException("the JDK's XML parser cannot be configured: " + e.getMessage(), e);
        }
    }

    /** Declares the object providers and registers the ID attributes of one configuration file. */
    void load(InputStream configuration) throws XMLConfigurationException {
        Element root;
        try {
            root = parser.parse(configuration).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new XMLConfigurationException("an OpenSAML provider configuration could not be read: " + e.getMessage(), e);
        }
        NodeList objectProviders = root.getElementsByTagNameNS(NS, "ObjectProvider");
        for (int i = 0; i < objectProviders.getLength(); i++) {
            declare((Element) objectProviders.item(i));
        }
        NodeList idAttributes = root.getElementsByTagNameNS(NS, "IDAttribute");
        for (int i = 0; i < idAttributes.getLength(); i++) {
            QName attribute = ElementSupport.getElementContentAsQName((Element) idAttributes.item(i));
            if (attribute != null) {
                providers.registerIDAttribute(attribute);
            }
        }
    }

    private void declare(Element provider) throws XMLConfigurationException {
        QName name = AttributeSupport.getAttributeValueAsQName(provider.getAttributeNodeNS(null, "qualifiedName"));
        providers.declare(name, new OnDemandXmlObjectProviders.ProviderClasses(className(provider, "BuilderClass", name),
                className(provider, "MarshallingClass", name), className(provider, "UnmarshallingClass", name)));
    }

    private static String className(Element provider, String part, QName name) throws XMLConfigurationException {
        Element element = (Element) provider.getElementsByTagNameNS(NS, part).item(0);
        String className = element == null ? null : StringSupport.trimOrNull(element.getAttributeNS(null, "className"));
        if (className == null) {
            throw new XMLConfigurationException("OpenSAML's object provider " + name + " names no " + part);
        }
        return className;
    }
}
