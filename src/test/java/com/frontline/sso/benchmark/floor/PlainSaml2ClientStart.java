package com.frontline.sso.benchmark.floor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import org.pac4j.saml.client.SAML2Client;
import org.pac4j.saml.config.SAML2Configuration;
import org.springframework.core.io.FileSystemResource;

/**
 * The benchmark's pac4j-saml reference WAR: a {@link SAML2Client} built and initialised at deployment the way
 * pac4j documents it, with none of frontline-sso's start work (OpenSAML initialised by pac4j in full, pac4j's
 * own keystore and metadata code, no warm-up). What the mandated libraries cost a start on their own.
 *
 * <p>Reads the same environment as the app ({@code SSO_BASE_URL}, {@code SSO_IDP_METADATA}, {@code SSO_DATA_DIR});
 * the SP keystore is a test keystore inside the WAR, copied to the data directory as a deployment would hold it.
 */
public class PlainSaml2ClientStart implements ServletContextListener {

    static final String CLIENT = PlainSaml2ClientStart.class.getName() + ".client";
    /** Where {@code ReferenceWars} puts the test keystore ({@code test-idp/sp-encryption.p12}). */
    public static final String KEYSTORE_RESOURCE = "floor-sp.p12";
    private static final String KEYSTORE_PASSWORD = "test-password";
    private static final String KEYSTORE_ALIAS = "sp-encryption";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String baseUrl = System.getenv("SSO_BASE_URL");
        Path dataDir = Path.of(System.getenv("SSO_DATA_DIR"));
        SAML2Configuration configuration = new SAML2Configuration();
        configuration.setKeystoreResource(new FileSystemResource(keystoreIn(dataDir).toFile()));
        configuration.setKeystoreType("PKCS12");
        configuration.setKeystorePassword(KEYSTORE_PASSWORD);
        configuration.setPrivateKeyPassword(KEYSTORE_PASSWORD);
        configuration.setKeystoreAlias(KEYSTORE_ALIAS);
        configuration.setIdentityProviderMetadataResource(new FileSystemResource(System.getenv("SSO_IDP_METADATA")));
        configuration.setServiceProviderEntityId(baseUrl + "/saml/metadata");
        configuration.setServiceProviderMetadataResource(new FileSystemResource(dataDir.resolve("sp-metadata.xml").toFile()));
        configuration.setForceServiceProviderMetadataGeneration(true);
        configuration.setAuthnRequestSigned(true);
        configuration.setWantsAssertionsSigned(true);
        // pac4j-saml 5.7.7 would otherwise call OpenSAML 4.1 method names at init (see OpenSaml401SigningParametersProvider).
        configuration.setBlackListedSignatureSigningAlgorithms(new ArrayList<>(List.of()));
        SAML2Client client = new SAML2Client(configuration);
        client.setName("plain");
        client.setCallbackUrl(baseUrl + "/callback");
        client.init();
        event.getServletContext().setAttribute(CLIENT, client);
    }

    private static Path keystoreIn(Path dataDir) {
        Path keystore = dataDir.resolve(KEYSTORE_RESOURCE);
        try (InputStream in = PlainSaml2ClientStart.class.getResourceAsStream("/" + KEYSTORE_RESOURCE)) {
            Files.createDirectories(dataDir);
            Files.copy(in, keystore, StandardCopyOption.REPLACE_EXISTING);
            return keystore;
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the test keystore to " + dataDir, e);
        }
    }
}
