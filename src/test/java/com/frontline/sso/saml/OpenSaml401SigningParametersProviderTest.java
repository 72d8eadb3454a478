package com.frontline.sso.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.pac4j.saml.crypto.DefaultSignatureSigningParametersProvider;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.saml.metadata.IdpMetadata;
import com.frontline.sso.saml.state.SharedSamlState;
import com.frontline.sso.saml.bootstrap.StartupWarmUp;

/**
 * pac4j-saml 5.7.7 on OpenSAML 4.0.1 cannot sign without the bridge. The first test fails if the bridge is
 * removed from FrontlineSaml2Client; the second shows the gap it closes (and fails once it is gone upstream).
 */
class OpenSaml401SigningParametersProviderTest {

    @TempDir
    Path dataDir;

    private SsoSettings settings() {
        return TestSettings.with(dataDir, Map.of());
    }

    private FrontlineSaml2Client client() {
        return client(SharedSamlState.open(settings()));
    }

    private FrontlineSaml2Client client(SharedSamlState state) {
        SsoSettings settings = settings();
        return SamlClientFactory.create(settings, settings.primary(), IdpMetadata.load(settings.primary()), state);
    }

    private static SPSSODescriptor sp(FrontlineSaml2Client client) {
        return ((EntityDescriptor) client.getServiceProviderMetadataResolver().getEntityDescriptorElement())
                .getSPSSODescriptor(SAMLConstants.SAML20P_NS);
    }

    @Test
    void clientSignsAuthnRequestsWithRsaSha256ThroughTheBridge() {
        FrontlineSaml2Client client = client();
        assertInstanceOf(OpenSaml401SigningParametersProvider.class, client.getSignatureSigningParametersProvider());
        SignatureSigningParameters parameters = client.getSignatureSigningParametersProvider().build(sp(client));
        assertEquals(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, parameters.getSignatureAlgorithm());
        assertEquals(SignatureConstants.ALGO_ID_DIGEST_SHA256, parameters.getSignatureReferenceDigestMethod());
    }

    @Test
    void theSigningKeyIsReadFromTheKeystoreOnceNotForEveryMessage() {
        FrontlineSaml2Client client = client();
        SignatureSigningParameters first = client.getSignatureSigningParametersProvider().build(sp(client));
        SignatureSigningParameters second = client.getSignatureSigningParametersProvider().build(sp(client));
        assertSame(first.getSigningCredential(), second.getSigningCredential());
        // pac4j's own SAML2Configuration loads the keystore and resolves the key again on every call
        assertSame(client.getConfiguration().getCredentialProvider(), client.getConfiguration().getCredentialProvider());
        assertSame(first.getSigningCredential(), client.getConfiguration().getCredentialProvider().getCredential());
        assertNotSame(client.getConfiguration().getCredentialProvider().getKeyInfo(),
                client.getConfiguration().getCredentialProvider().getKeyInfo(), "a KeyInfo (an XML object) per use");
    }

    @Test
    void startupWarmUpSignsAndVerifiesThroughTheBridge() {
        SharedSamlState state = SharedSamlState.open(settings());
        assertTrue(StartupWarmUp.run(client(state), state), "the warm-up runs the whole signing and verification path");
    }

    @Test
    void pac4jsOwnProviderCallsAnOpenSaml41MethodMissingFrom401() {
        FrontlineSaml2Client client = client();
        DefaultSignatureSigningParametersProvider pac4jDefault = new DefaultSignatureSigningParametersProvider(client.getConfiguration());
        assertThrows(NoSuchMethodError.class, () -> pac4jDefault.build(sp(client)));
    }
}
