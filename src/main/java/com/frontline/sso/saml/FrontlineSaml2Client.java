package com.frontline.sso.saml;

import java.util.Optional;

import org.pac4j.saml.client.SAML2Client;
import org.pac4j.saml.config.SAML2Configuration;
import org.pac4j.saml.sso.impl.SAML2WebSSOMessageSender;
import org.pac4j.saml.sso.impl.SAML2WebSSOProfileHandler;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.config.Workspace;
import com.frontline.sso.saml.keys.EncryptionKey;
import com.frontline.sso.saml.metadata.IdpSigningCertificates;
import com.frontline.sso.saml.state.SharedSamlState;

/**
 * pac4j's SAML2Client for one workspace, with this SP's parts plugged in: the OpenSAML 4.0.1 signing bridge, the shared
 * replay cache and the strict response validator. Everything else is pac4j's.
 */
public final class FrontlineSaml2Client extends SAML2Client {

    private final SsoSettings settings;
    private final Workspace workspace;
    private final SharedSamlState state;
    private final Optional<EncryptionKey> encryptionKey;

    public FrontlineSaml2Client(SAML2Configuration configuration, SsoSettings settings, Workspace workspace,
                                SharedSamlState state, Optional<EncryptionKey> encryptionKey) {
        super(configuration);
        this.settings = settings;
        this.workspace = workspace;
        this.state = state;
        this.encryptionKey = encryptionKey;
        setName(workspace.id());
    }

    public Workspace workspace() {
        return workspace;
    }

    public Optional<EncryptionKey> encryptionKey() {
        return encryptionKey;
    }

    @Override
    protected void internalInit(boolean forceReinit) {
        super.internalInit(forceReinit);
        setCredentialsExtractor(new SloCredentialsExtractor(this, workspace.sloPath()));
    }

    @Override
    protected void initSAMLLogoutResponseValidator() {
        this.logoutValidator = new StrictLogoutValidator(signatureTrustEngineProvider, configuration, state, workspace,
                () -> IdpSigningCertificates.of(idpMetadataResolver), settings.clockSkew().toSeconds());
    }

    /** pac4j would decrypt with the signing key; here only a configured encryption key decrypts, else nothing does. */
    @Override
    protected void initDecrypter() {
        this.decrypter = encryptionKey.map(EncryptionKey::decrypter).orElse(null);
    }

    @Override
    protected void initSignatureSigningParametersProvider() {
        this.signatureSigningParametersProvider = new OpenSaml401SigningParametersProvider(configuration);
    }

    @Override
    protected void initSignatureTrustEngineProvider() {
        this.signatureTrustEngineProvider = new CachedTrustEngineProvider(idpMetadataResolver);
    }

    @Override
    protected void initSAMLReplayCache() {
        this.replayCache = state.replayCache();
    }

    /** HTTP-POST responses only (no artifact binding: its SOAP back-channel is untested on OpenSAML 4.0.1). */
    @Override
    protected void initSAMLProfileHandler() {
        this.profileHandler = new SAML2WebSSOProfileHandler(
                new SAML2WebSSOMessageSender(signatureSigningParametersProvider, configuration.getAuthnRequestBindingType(),
                        true, configuration.isAuthnRequestSigned()),
                new AcsMessageReceiver(authnResponseValidator, configuration, workspace.acsUrl()));
    }

    @Override
    protected void initSAMLResponseValidator() {
        this.authnResponseValidator = new StrictResponseValidator(signatureTrustEngineProvider, decrypter, state,
                configuration, settings, workspace);
    }
}
