package com.frontline.sso.saml;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;

import org.opensaml.core.config.ConfigurationService;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.Initializer;
import org.opensaml.core.xml.config.AbstractXMLObjectProviderInitializer;
import org.opensaml.core.xml.config.XMLObjectProviderRegistry;
import org.pac4j.saml.util.ConfigurationManager;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;

/**
 * Initialises OpenSAML for pac4j (found by pac4j through {@code META-INF/services}; its priority wins over pac4j's
 * own manager) with the modules a SAML 2.0 web SSO service provider uses, instead of every module on the class
 * path: SAML 1.x and the WS-* SOAP extensions (WS-Trust, WS-Security, WS-Addressing, WS-Policy, WS-Federation)
 * are left out, which is about 500 classes less to load at startup. Their elements still parse (as generic XML)
 * if an IdP ever sends them inside an extension.
 *
 * <p>The parser pool has pac4j's settings (DOCTYPE disallowed, secure processing, no external entities) and
 * builds DOM nodes eagerly: OpenSAML unmarshals every node of a message, so Xerces' deferred nodes only add work.
 */
@Priority(1)
public final class OpenSamlConfiguration implements ConfigurationManager {

    private static final List<Initializer> INITIALIZERS = List.of(
            new org.opensaml.core.xml.config.XMLObjectProviderInitializer(),
            new org.opensaml.core.xml.config.GlobalParserPoolInitializer(),
            new org.opensaml.core.metrics.impl.MetricRegistryInitializer(),
            new org.opensaml.xmlsec.config.GlobalAlgorithmRegistryInitializer(),
            new org.opensaml.xmlsec.config.DecryptionParserPoolInitializer(),
            new org.opensaml.xmlsec.config.impl.JavaCryptoValidationInitializer(),
            new org.opensaml.xmlsec.config.impl.XMLObjectProviderInitializer(),
            new org.opensaml.xmlsec.config.impl.ApacheXMLSecurityInitializer(),
            new org.opensaml.xmlsec.config.impl.GlobalSecurityConfigurationInitializer(),
            new org.opensaml.security.config.impl.ClientTLSValidationConfiguratonInitializer(),
            new org.opensaml.security.config.impl.HttpClientSecurityConfigurationInitalizer(),
            new Saml2Objects(),
            new org.opensaml.saml.config.impl.SAMLConfigurationInitializer(),
            new Soap11Objects());

    @Override
    public void configure() {
        XMLObjectProviderRegistry registry;
        synchronized (ConfigurationService.class) {
            registry = ConfigurationService.get(XMLObjectProviderRegistry.class);
            if (registry == null) {
                registry = new XMLObjectProviderRegistry();
                ConfigurationService.register(XMLObjectProviderRegistry.class, registry);
            }
        }
        try {
            for (Initializer initializer : INITIALIZERS) {
                initializer.init();
            }
        } catch (InitializationException e) {
            throw new IllegalStateException("an OpenSAML module failed to initialise: " + e.getMessage(), e);
        }
        registry.setParserPool(parserPool());
    }

    private static BasicParserPool parserPool() {
        BasicParserPool pool = new BasicParserPool();
        pool.setMaxPoolSize(100);
        pool.setCoalescing(true);
        pool.setIgnoreComments(true);
        pool.setNamespaceAware(true);
        pool.setExpandEntityReferences(false);
        pool.setXincludeAware(false);
        pool.setIgnoreElementContentWhitespace(true);
        pool.setBuilderFeatures(Map.of(
                "http://apache.org/xml/features/disallow-doctype-decl", true,
                "http://apache.org/xml/features/validation/schema/normalized-value", false,
                "http://javax.xml.XMLConstants/feature/secure-processing", true,
                "http://xml.org/sax/features/external-general-entities", false,
                "http://xml.org/sax/features/external-parameter-entities", false,
                "http://apache.org/xml/features/dom/defer-node-expansion", false));
        try {
            pool.initialize();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("XML parser pool could not be initialised: " + e.getMessage(), e);
        }
        return pool;
    }

    /** The SAML 2.0 object providers of opensaml-saml-impl, without its SAML 1.x ones. */
    static final class Saml2Objects extends AbstractXMLObjectProviderInitializer {
        @Override
        protected String[] getConfigResources() {
            return new String[] {
                "/saml2-assertion-config.xml",
                "/saml2-assertion-delegation-restriction-config.xml",
                "/saml2-ecp-config.xml",
                "/saml2-metadata-algorithm-config.xml",
                "/saml2-metadata-attr-config.xml",
                "/saml2-metadata-config.xml",
                "/saml2-metadata-idp-discovery-config.xml",
                "/saml2-metadata-query-config.xml",
                "/saml2-metadata-reqinit-config.xml",
                "/saml2-metadata-ui-config.xml",
                "/saml2-metadata-rpi-config.xml",
                "/saml2-protocol-config.xml",
                "/saml2-protocol-thirdparty-config.xml",
                "/saml2-req-attr-config.xml",
                "/saml2-protocol-aslo-config.xml",
                "/saml2-channel-binding-config.xml",
            };
        }
    }

    /** The SOAP 1.1 envelope of opensaml-soap-impl (pac4j's SOAP bindings refer to it), without the WS-* ones. */
    static final class Soap11Objects extends AbstractXMLObjectProviderInitializer {
        @Override
        protected String[] getConfigResources() {
            return new String[] {"/soap11-config.xml"};
        }
    }
}
