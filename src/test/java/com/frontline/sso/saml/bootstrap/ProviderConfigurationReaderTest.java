package com.frontline.sso.saml.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.xml.namespace.QName;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.core.config.ConfigurationService;
import org.opensaml.core.xml.XMLObjectBuilder;
import org.opensaml.core.xml.config.XMLConfigurationException;
import org.opensaml.core.xml.config.XMLConfigurator;
import org.opensaml.core.xml.config.XMLObjectProviderRegistry;

class ProviderConfigurationReaderTest {

    private static final String CONFIG_START = "<XMLTooling xmlns=\"http://www.opensaml.org/xmltooling-config\" "
            + "xmlns:t=\"urn:example:test\"><ObjectProviders><ObjectProvider qualifiedName=\"t:Thing\">";
    private static final QName THING = new QName("urn:example:test", "Thing");

    @BeforeAll
    static void openSaml() {
        OpenSamlBootstrap.await(); // provider constructors look up OpenSAML's global factories
    }

    @Test
    void openSamlsOwnFilesGiveTheProvidersOpenSamlsConfiguratorRegisters() throws Exception {
        XMLObjectProviderRegistry expected = providersOfOpenSamlsConfigurator();
        OnDemandXmlObjectProviders read = new OnDemandXmlObjectProviders();
        ProviderConfigurationReader reader = new ProviderConfigurationReader(read);
        for (String file : OpenSamlConfiguration.PROVIDER_CONFIGURATIONS) {
            try (InputStream in = getClass().getResourceAsStream(file)) {
                reader.load(in);
            }
        }

        Map<QName, XMLObjectBuilder<?>> builders = expected.getBuilderFactory().getBuilders();
        assertTrue(builders.size() > 250, "OpenSAML's SAML 2.0 modules have some 300 providers: " + builders.size());
        for (QName name : builders.keySet()) {
            assertEquals(builders.get(name).getClass(), read.getBuilderFactory().getBuilder(name).getClass(), name.toString());
            assertEquals(expected.getMarshallerFactory().getMarshaller(name).getClass(),
                    read.getMarshallerFactory().getMarshaller(name).getClass(), name.toString());
            assertEquals(expected.getUnmarshallerFactory().getUnmarshaller(name).getClass(),
                    read.getUnmarshallerFactory().getUnmarshaller(name).getClass(), name.toString());
        }
        assertEquals(builders.keySet(), read.getBuilderFactory().getBuilders().keySet(), "and no other provider");
    }

    @Test
    void idAttributesAreRegistered() throws Exception {
        OnDemandXmlObjectProviders read = new OnDemandXmlObjectProviders();
        new ProviderConfigurationReader(read).load(xml("<XMLTooling xmlns=\"http://www.opensaml.org/xmltooling-config\" "
                + "xmlns:t=\"urn:example:test\"><IDAttributes><IDAttribute>t:Id</IDAttribute></IDAttributes></XMLTooling>"));
        assertTrue(read.isIDAttribute(new QName("urn:example:test", "Id")));
        assertFalse(read.isIDAttribute(new QName("urn:example:test", "Other")));
    }

    @Test
    void aProviderWithoutAClassNameIsRefusedNamingIt() throws Exception {
        ProviderConfigurationReader reader = new ProviderConfigurationReader(new OnDemandXmlObjectProviders());
        XMLConfigurationException refused = assertThrows(XMLConfigurationException.class, () -> reader.load(xml(CONFIG_START
                + "<BuilderClass className=\"a.B\"/><MarshallingClass className=\" \"/><UnmarshallingClass className=\"a.U\"/>"
                + "</ObjectProvider></ObjectProviders></XMLTooling>")));
        assertEquals("OpenSAML's object provider " + THING + " names no MarshallingClass", refused.getMessage());
    }

    @Test
    void aDoctypeIsRefused() throws Exception {
        ProviderConfigurationReader reader = new ProviderConfigurationReader(new OnDemandXmlObjectProviders());
        assertThrows(XMLConfigurationException.class, () -> reader.load(xml("<!DOCTYPE XMLTooling [<!ENTITY x \"y\">]>"
                + CONFIG_START + "</ObjectProvider></ObjectProviders></XMLTooling>")));
    }

    /** OpenSAML's own configurator, reading the same files into a registry of its own. */
    private static XMLObjectProviderRegistry providersOfOpenSamlsConfigurator() throws Exception {
        XMLObjectProviderRegistry global = ConfigurationService.get(XMLObjectProviderRegistry.class);
        XMLObjectProviderRegistry own = new XMLObjectProviderRegistry();
        XMLConfigurator configurator;
        synchronized (ConfigurationService.class) { // the configurator writes to the registry registered when it is made
            ConfigurationService.register(XMLObjectProviderRegistry.class, own);
            try {
                configurator = new XMLConfigurator();
            } finally {
                ConfigurationService.register(XMLObjectProviderRegistry.class, global);
            }
        }
        for (String file : OpenSamlConfiguration.PROVIDER_CONFIGURATIONS) {
            try (InputStream in = ProviderConfigurationReaderTest.class.getResourceAsStream(file)) {
                configurator.load(in);
            }
        }
        return own;
    }

    private static InputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
