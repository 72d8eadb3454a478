package com.frontline.sso.saml;

import javax.xml.namespace.QName;

import org.opensaml.core.xml.config.XMLConfigurationException;
import org.opensaml.core.xml.config.XMLConfigurator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import net.shibboleth.utilities.java.support.primitive.StringSupport;
import net.shibboleth.utilities.java.support.xml.AttributeSupport;

/**
 * Reads OpenSAML's provider configuration files like its own {@link XMLConfigurator} (ID attributes registered,
 * object providers in file order), except that each object provider is declared to
 * {@link OnDemandXmlObjectProviders} by its class names instead of being created. The files are OpenSAML's own,
 * read from its jars, so they are not validated against the configuration schema again at every start.
 */
final class DeclaringXmlConfigurator extends XMLConfigurator {

    private static final String NS = XMLTOOLING_CONFIG_NS;
    private final OnDemandXmlObjectProviders providers;

    /** Must be created after {@code providers} is registered as the {@code XMLObjectProviderRegistry}. */
    DeclaringXmlConfigurator(OnDemandXmlObjectProviders providers) throws XMLConfigurationException {
        this.providers = providers;
    }

    @Override
    protected void validateConfiguration(Document configuration) {
        // OpenSAML's own files from its jars: validated by OpenSAML's build, not input
    }

    @Override
    protected void initializeObjectProviders(Element objectProviders) throws XMLConfigurationException {
        NodeList providerElements = objectProviders.getElementsByTagNameNS(NS, "ObjectProvider");
        for (int i = 0; i < providerElements.getLength(); i++) {
            Element provider = (Element) providerElements.item(i);
            QName name = AttributeSupport.getAttributeValueAsQName(provider.getAttributeNodeNS(null, "qualifiedName"));
            providers.declare(name, new OnDemandXmlObjectProviders.ProviderClasses(className(provider, "BuilderClass", name),
                    className(provider, "MarshallingClass", name), className(provider, "UnmarshallingClass", name)));
        }
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
