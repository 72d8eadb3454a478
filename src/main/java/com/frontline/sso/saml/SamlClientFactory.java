package com.frontline.sso.saml;

import java.util.ArrayList;
import java.util.List;

import org.opensaml.saml.common.xml.SAMLConstants;
import org.pac4j.core.http.callback.NoParameterCallbackUrlResolver;
import org.pac4j.core.logout.handler.LogoutHandler;
import org.pac4j.saml.config.SAML2Configuration;
import org.springframework.core.io.FileSystemResource;

import com.frontline.sso.config.InvalidSettingsException;
import com.frontline.sso.config.SettingsLoader;
import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.config.Workspace;
import com.frontline.sso.saml.keys.EncryptionKey;
import com.frontline.sso.saml.keys.SpKey;
import com.frontline.sso.saml.keys.SpKeystore;
import com.frontline.sso.saml.keys.SpKeystoreSource;
import com.frontline.sso.saml.metadata.IdpMetadata;
import com.frontline.sso.saml.state.OutstandingRequestStoreFactory;
import com.frontline.sso.saml.state.OutstandingRequests;
import com.frontline.sso.saml.state.SharedSamlState;

/**
 * Builds and initialises a workspace's SAML client at startup, so every key, metadata document and cache
 * exists before the first request, and a bad setting stops the deployment with its name.
 */
public final class SamlClientFactory {

    private SamlClientFactory() {
    }

    public static FrontlineSaml2Client create(SsoSettings settings, Workspace workspace, IdpMetadata metadata,
                                              SharedSamlState state) {
        return create(settings, SpKey.resolve(settings), workspace, metadata, state);
    }

    static FrontlineSaml2Client create(SsoSettings settings, SpKey spKey, Workspace workspace, IdpMetadata metadata,
                                       SharedSamlState state) {
        SAML2Configuration configuration = configuration(settings, workspace, metadata, spKey, state.requests());
        FrontlineSaml2Client client = new FrontlineSaml2Client(configuration, settings, workspace, state,
                EncryptionKey.from(settings));
        client.setCallbackUrl(workspace.acsUrl());
        client.setCallbackUrlResolver(new NoParameterCallbackUrlResolver());
        try {
            client.init();
        } catch (RuntimeException e) {
            throw new InvalidSettingsException(List.of("The SAML client of workspace " + workspace.id() + " could not start ("
                    + rootMessage(e) + "). Check " + workspace.setting("idp.metadata").label() + " and "
                    + SettingsLoader.KEYSTORE_PATH.label() + "."));
        }
        return client;
    }

    private static SAML2Configuration configuration(SsoSettings settings, Workspace workspace, IdpMetadata metadata,
                                                    SpKey spKey, OutstandingRequests requests) {
        SpKeystore keystore = spKey.keystore();
        SAML2Configuration configuration = new FrontlineSaml2Configuration(spKey.credential());
        configuration.setKeystoreResource(new FileSystemResource(keystore.path().toFile()));
        configuration.setKeystoreGenerator(new SpKeystoreSource(keystore.path()));
        configuration.setKeystoreType("PKCS12");
        configuration.setKeystorePassword(keystore.password());
        configuration.setPrivateKeyPassword(keystore.password());
        keystore.alias().ifPresent(configuration::setKeystoreAlias);
        configuration.setIdentityProviderMetadataResource(metadata.resource());
        configuration.setIdentityProviderEntityId(metadata.entityId());
        configuration.setServiceProviderEntityId(workspace.spEntityId());
        configuration.setServiceProviderMetadataResource(new FileSystemResource(
                settings.dataDir().resolve("sp-metadata-" + workspace.id() + ".xml").toFile()));
        configuration.setForceServiceProviderMetadataGeneration(true);
        configuration.setAuthnRequestBindingType(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        configuration.setResponseBindingType(SAMLConstants.SAML2_POST_BINDING_URI);
        configuration.setAuthnRequestSigned(true);
        configuration.setSpLogoutRequestSigned(true);
        configuration.setSingleSignOutServiceUrl(workspace.sloUrl());
        configuration.setSpLogoutRequestBindingType(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        configuration.setSpLogoutResponseBindingType(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        configuration.setPostLogoutURL(workspace.url("/signed-out.html"));
        // Sessions ended by the IdP are tracked cluster-wide by SessionRevocations, not by pac4j's per-JVM handler.
        configuration.setLogoutHandler(new LogoutHandler() { });
        configuration.setWantsAssertionsSigned(true);
        configuration.setWantsResponsesSigned(false);
        configuration.setResponseDestinationAttributeMandatory(true);
        configuration.setAcceptedSkew(settings.clockSkew().toSeconds());
        configuration.setMaximumAuthenticationLifetime(settings.maxAuthenticationAge().toSeconds());
        configuration.setSamlMessageStoreFactory(new OutstandingRequestStoreFactory(requests, workspace.id()));
        // Presetting these skips two pac4j calls of OpenSAML 4.1 method names (see OpenSaml401SigningParametersProvider).
        configuration.setBlackListedSignatureSigningAlgorithms(new ArrayList<>(AlgorithmPolicy.EXCLUDED_FOR_SIGNING));
        configuration.setSignatureAlgorithms(new ArrayList<>(AlgorithmPolicy.PREFERRED_SIGNATURE_ALGORITHMS));
        configuration.setSignatureReferenceDigestMethods(new ArrayList<>(AlgorithmPolicy.PREFERRED_DIGESTS));
        return configuration;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
