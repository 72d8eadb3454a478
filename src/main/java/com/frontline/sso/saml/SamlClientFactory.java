package com.frontline.sso.saml;

import java.util.ArrayList;

import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.pac4j.core.http.callback.NoParameterCallbackUrlResolver;
import org.pac4j.saml.config.SAML2Configuration;
import org.springframework.core.io.FileSystemResource;

import com.frontline.sso.config.SettingsLoader;
import com.frontline.sso.config.SsoSettings;

/**
 * Builds and initialises the SAML client at startup from the settings, so every key, metadata document and
 * cache exists before the first request, and a bad IdP metadata setting stops the deployment with its name.
 */
public final class SamlClientFactory {

    private SamlClientFactory() {
    }

    public static FrontlineSaml2Client create(SsoSettings settings, SharedReplayCache replayCache, OutstandingRequests requests) {
        SpKeystore keystore = SpKeystore.resolve(settings);
        settings.keystore().ifPresent(configured -> KeystoreCredential.load(configured, SettingsLoader.KEYSTORE_PATH));
        SAML2Configuration configuration = configuration(settings, keystore, requests);
        FrontlineSaml2Client client = new FrontlineSaml2Client(configuration, settings, replayCache, EncryptionKey.from(settings));
        client.setCallbackUrl(settings.acsUrl());
        client.setCallbackUrlResolver(new NoParameterCallbackUrlResolver());
        try {
            client.init();
        } catch (RuntimeException e) {
            throw IdpMetadataSource.failure(settings.idpMetadata(), "it is not valid SAML metadata (" + rootMessage(e) + ")");
        }
        requireIdentityProvider(client, settings);
        return client;
    }

    private static SAML2Configuration configuration(SsoSettings settings, SpKeystore keystore, OutstandingRequests requests) {
        SAML2Configuration configuration = new SAML2Configuration();
        configuration.setKeystoreResource(new FileSystemResource(keystore.path().toFile()));
        configuration.setKeystoreType("PKCS12");
        configuration.setKeystorePassword(keystore.password());
        configuration.setPrivateKeyPassword(keystore.password());
        keystore.alias().ifPresent(configuration::setKeystoreAlias);
        configuration.setIdentityProviderMetadataResource(IdpMetadataSource.load(settings.idpMetadata()));
        configuration.setServiceProviderEntityId(settings.spEntityId());
        configuration.setServiceProviderMetadataResource(new FileSystemResource(settings.dataDir().resolve("sp-metadata.xml").toFile()));
        configuration.setForceServiceProviderMetadataGeneration(true);
        configuration.setAuthnRequestBindingType(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        configuration.setResponseBindingType(SAMLConstants.SAML2_POST_BINDING_URI);
        configuration.setAuthnRequestSigned(true);
        configuration.setSpLogoutRequestSigned(true);
        configuration.setWantsAssertionsSigned(true);
        configuration.setWantsResponsesSigned(false);
        configuration.setResponseDestinationAttributeMandatory(true);
        configuration.setAcceptedSkew(settings.clockSkew().toSeconds());
        configuration.setMaximumAuthenticationLifetime(settings.maxAuthenticationAge().toSeconds());
        configuration.setSamlMessageStoreFactory(new OutstandingRequestStoreFactory(requests));
        // Presetting these skips two pac4j calls of OpenSAML 4.1 method names (see OpenSaml401SigningParametersProvider).
        configuration.setBlackListedSignatureSigningAlgorithms(new ArrayList<>(AlgorithmPolicy.EXCLUDED_FOR_SIGNING));
        configuration.setSignatureAlgorithms(new ArrayList<>(AlgorithmPolicy.PREFERRED_SIGNATURE_ALGORITHMS));
        configuration.setSignatureReferenceDigestMethods(new ArrayList<>(AlgorithmPolicy.PREFERRED_DIGESTS));
        return configuration;
    }

    private static void requireIdentityProvider(FrontlineSaml2Client client, SsoSettings settings) {
        EntityDescriptor idp = (EntityDescriptor) client.getIdentityProviderMetadataResolver().getEntityDescriptorElement();
        IDPSSODescriptor sso = idp == null ? null : idp.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        boolean redirectSso = sso != null && sso.getSingleSignOnServices().stream()
                .anyMatch(service -> SAMLConstants.SAML2_REDIRECT_BINDING_URI.equals(service.getBinding()));
        if (!redirectSso) {
            throw IdpMetadataSource.failure(settings.idpMetadata(),
                    "it describes no SAML 2.0 identity provider with a SingleSignOnService for the HTTP-Redirect binding");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
