package com.frontline.sso.saml.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;

import org.opensaml.core.config.ConfigurationService;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.Initializer;
import org.opensaml.core.xml.config.XMLConfigurationException;
import org.opensaml.core.xml.config.XMLConfigurator;
import org.opensaml.core.xml.config.XMLObjectProviderRegistry;
import org.pac4j.saml.util.ConfigurationManager;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;

/**
 * Initialises OpenSAML for pac4j (found by pac4j through {@code META-INF/services}; its priority wins over pac4j's
 * own manager) with the modules a SAML 2.0 web SSO service provider uses, instead of every module on the class
 * path: SAML 1.x and the WS-* SOAP extensions (WS-Trust, WS-Security, WS-Addressing, WS-Policy, WS-Federation)
 * are left out, which is about 500 classes less to load at startup. Their elements still parse (as generic XML)
 * if an IdP ever sends them inside an extension. The object providers of the modules that are in are created at
 * their first use ({@link OnDemandXmlObjectProviders}).
 *
 * <p>The parser pool has pac4j's settings (DOCTYPE disallowed, secure processing, no external entities) and
 * builds DOM nodes eagerly: OpenSAML unmarshals every node of a message, so Xerces' deferred nodes only add work.
 */
@Priority(1)
public final class OpenSamlConfiguration implements ConfigurationManager {

    /**
     * The provider configuration files of opensaml-core, opensaml-xmlsec-impl, opensaml-saml-impl (SAML 2.0 only)
     * and opensaml-soap-impl (the SOAP 1.1 envelope pac4j's SOAP bindings refer to), in OpenSAML's order.
     */
    static final List<String> PROVIDER_CONFIGURATIONS = List.of(
            "/default-config.xml",
            "/schema-config.xml",
            "/signature-config.xml",
            "/encryption-config.xml",
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
            "/soap11-config.xml");

    /** OpenSAML's initializers of these modules other than the object providers, in OpenSAML's order. */
    private static final List<Initializer> INITIALIZERS = List.of(
            new org.opensaml.core.xml.config.GlobalParserPoolInitializer(),
            new org.opensaml.core.metrics.impl.MetricRegistryInitializer(),
            new org.opensaml.xmlsec.config.GlobalAlgorithmRegistryInitializer(),
            new org.opensaml.xmlsec.config.DecryptionParserPoolInitializer(),
            new org.opensaml.xmlsec.config.impl.JavaCryptoValidationInitializer(),
            new org.opensaml.xmlsec.config.impl.ApacheXMLSecurityInitializer(),
            new org.opensaml.xmlsec.config.impl.GlobalSecurityConfigurationInitializer(),
            new org.opensaml.security.config.impl.ClientTLSValidationConfiguratonInitializer(),
            new org.opensaml.security.config.impl.HttpClientSecurityConfigurationInitalizer(),
            new org.opensaml.saml.config.impl.SAMLConfigurationInitializer());

    @Override
    public void configure() {
        XMLObjectProviderRegistry registry;
        synchronized (ConfigurationService.class) {
            registry = ConfigurationService.get(XMLObjectProviderRegistry.class);
            if (registry == null) {
                registry = new OnDemandXmlObjectProviders();
                ConfigurationService.register(XMLObjectProviderRegistry.class, registry);
            }
        }
        try {
            loadProviders(registry);
            for (Initializer initializer : INITIALIZERS) {
                initializer.init();
            }
        } catch (InitializationException | XMLConfigurationException e) {
            throw new IllegalStateException("an OpenSAML module failed to initialise: " + e.getMessage(), e);
        }
        registry.setParserPool(parserPool());
    }

    private static void loadProviders(XMLObjectProviderRegistry registry) throws XMLConfigurationException {
        ConfigurationFileLoader loader = registry instanceof OnDemandXmlObjectProviders onDemand
                ? new ProviderConfigurationReader(onDemand)::load : new XMLConfigurator()::load;
        for (String resource : PROVIDER_CONFIGURATIONS) {
            try (InputStream in = OpenSamlConfiguration.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new XMLConfigurationException("OpenSAML's " + resource + " is not on the class path");
                }
                loader.load(in);
            } catch (IOException e) {
                throw new XMLConfigurationException("OpenSAML's " + resource + " could not be read", e);
            }
        }
    }

    /** Reads one of OpenSAML's provider configuration files into the registry. */
    @FunctionalInterface
    private interface ConfigurationFileLoader {
        void load(InputStream configuration) throws XMLConfigurationException;
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
}
