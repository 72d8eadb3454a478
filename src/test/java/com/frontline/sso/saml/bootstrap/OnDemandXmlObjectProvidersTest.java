package com.frontline.sso.saml.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.xml.namespace.QName;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.core.config.ConfigurationService;
import org.opensaml.core.xml.config.XMLObjectProviderRegistry;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.ext.saml2mdui.UIInfo;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.impl.IssuerBuilder;
import org.opensaml.saml.saml2.core.impl.NameIDTypeMarshaller;
import org.opensaml.saml.saml2.core.impl.NameIDTypeUnmarshaller;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.pac4j.saml.util.Configuration;

class OnDemandXmlObjectProvidersTest {

    private static final QName NAME = new QName("urn:example:test", "Thing");
    private static final OnDemandXmlObjectProviders.ProviderClasses ISSUER = new OnDemandXmlObjectProviders.ProviderClasses(
            IssuerBuilder.class.getName(), NameIDTypeMarshaller.class.getName(), NameIDTypeUnmarshaller.class.getName());

    @BeforeAll
    static void openSaml() {
        OpenSamlBootstrap.await(); // provider constructors look up OpenSAML's global factories
    }

    @Test
    void theSpsOpenSamlRegistryCreatesProvidersOnDemand() {
        assertInstanceOf(OnDemandXmlObjectProviders.class, ConfigurationService.get(XMLObjectProviderRegistry.class));
    }

    @Test
    void aDeclaredProviderIsFoundByEachFactoryAndCreatedOnce() {
        OnDemandXmlObjectProviders providers = new OnDemandXmlObjectProviders();
        providers.declare(NAME, ISSUER);

        assertInstanceOf(NameIDTypeMarshaller.class, providers.getMarshallerFactory().getMarshaller(NAME));
        assertInstanceOf(IssuerBuilder.class, providers.getBuilderFactory().getBuilder(NAME));
        Unmarshaller unmarshaller = providers.getUnmarshallerFactory().getUnmarshaller(NAME);
        assertInstanceOf(NameIDTypeUnmarshaller.class, unmarshaller);
        assertSame(unmarshaller, providers.getUnmarshallerFactory().getUnmarshaller(NAME));
    }

    @Test
    void anUndeclaredNameIsNotFound() {
        OnDemandXmlObjectProviders providers = new OnDemandXmlObjectProviders();
        providers.declare(NAME, ISSUER);
        QName other = new QName("urn:example:test", "Other");
        assertNull(providers.getBuilderFactory().getBuilder(other));
        assertNull(providers.getMarshallerFactory().getMarshaller(other));
        assertNull(providers.getUnmarshallerFactory().getUnmarshaller(other));
    }

    @Test
    void deregisteringADeclaredProviderRemovesIt() {
        OnDemandXmlObjectProviders providers = new OnDemandXmlObjectProviders();
        providers.declare(NAME, ISSUER);
        providers.deregisterObjectProvider(NAME);
        assertNull(providers.getBuilderFactory().getBuilder(NAME));
    }

    @Test
    void concurrentFirstLookupsAllGetTheOneProvider() throws Exception {
        OnDemandXmlObjectProviders providers = new OnDemandXmlObjectProviders();
        providers.declare(NAME, ISSUER);
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Callable<Object> lookup = () -> {
                start.await();
                return List.of(providers.getUnmarshallerFactory().getUnmarshaller(NAME),
                        providers.getMarshallerFactory().getMarshaller(NAME), providers.getBuilderFactory().getBuilder(NAME));
            };
            List<Future<Object>> results = IntStream.range(0, threads).mapToObj(i -> pool.submit(lookup)).toList();
            start.countDown();
            Set<Object> distinct = results.stream().map(OnDemandXmlObjectProvidersTest::get).collect(Collectors.toSet());
            assertEquals(1, distinct.size(), "every thread saw the same three providers");
            ((List<?>) distinct.iterator().next()).forEach(provider -> assertNotNull(provider));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void metadataExtensionsAndUnknownElementsParseAsBefore() throws Exception {
        String xml = """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"
                    xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui" xmlns:x="urn:example:unknown" entityID="https://idp.example.com">
                  <md:Extensions><x:Unknown>kept</x:Unknown></md:Extensions>
                  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:Extensions><mdui:UIInfo><mdui:DisplayName xml:lang="en">Example</mdui:DisplayName></mdui:UIInfo></md:Extensions>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>""";
        EntityDescriptor entity = (EntityDescriptor) XMLObjectSupport.unmarshallFromInputStream(Configuration.getParserPool(),
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertInstanceOf(XSAny.class, entity.getExtensions().getUnknownXMLObjects().get(0), "an unknown element: generic XML");
        UIInfo ui = (UIInfo) entity.getIDPSSODescriptor("urn:oasis:names:tc:SAML:2.0:protocol").getExtensions()
                .getUnknownXMLObjects(UIInfo.DEFAULT_ELEMENT_NAME).get(0);
        assertEquals("Example", ui.getDisplayNames().get(0).getValue());
        Issuer issuer = (Issuer) XMLObjectSupport.buildXMLObject(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue("https://sp.example.com");
        assertEquals("https://sp.example.com", XMLObjectSupport.marshall(issuer).getTextContent());
    }

    private static Object get(Future<Object> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
