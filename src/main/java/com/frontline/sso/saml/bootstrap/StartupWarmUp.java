package com.frontline.sso.saml.bootstrap;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.security.credential.Credential;
import org.opensaml.xmlsec.signature.support.SignatureSupport;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.pac4j.saml.util.Configuration;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import com.frontline.sso.saml.state.SharedSamlState;
import com.frontline.sso.saml.FrontlineSaml2Client;

/**
 * Runs the expensive first-time work of the login path at startup instead of on the first agent's request:
 * building signing parameters, signing and serialising an AuthnRequest, parsing XML and verifying an XML
 * signature load and JIT-compile what every login needs, a first write to the shared stores sets up the
 * data grid's cache records (which cost the first protected page 100 ms otherwise), and one login redirect is
 * built the way a protected page builds it ({@link LoginRedirectWarmUp}). Failures are only logged:
 * this is an optimisation.
 */
public final class StartupWarmUp {

    private static final Logger LOG = Logger.getLogger(StartupWarmUp.class.getName());

    private StartupWarmUp() {
    }

    /** @return whether the whole warm-up ran (false means the first login pays for it, nothing worse) */
    public static boolean run(FrontlineSaml2Client client, SharedSamlState state) {
        try {
            SPSSODescriptor sp = ((EntityDescriptor) client.getServiceProviderMetadataResolver().getEntityDescriptorElement())
                    .getSPSSODescriptor(SAMLConstants.SAML20P_NS);
            var parameters = client.getSignatureSigningParametersProvider().build(sp);
            AuthnRequest request = (AuthnRequest) XMLObjectProviderRegistrySupport.getBuilderFactory()
                    .getBuilderOrThrow(AuthnRequest.DEFAULT_ELEMENT_NAME).buildObject(AuthnRequest.DEFAULT_ELEMENT_NAME);
            request.setID("_warm-up");
            request.setVersion(SAMLVersion.VERSION_20);
            request.setIssueInstant(Instant.now());
            SignatureSupport.signObject(request, parameters);
            String xml = SerializeSupport.nodeToString(request.getDOM());
            AuthnRequest parsed = (AuthnRequest) XMLObjectSupport.unmarshallFromInputStream(Configuration.getParserPool(),
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            Credential credential = parameters.getSigningCredential();
            SignatureValidator.validate(parsed.getSignature(), credential);
            client.getSignatureTrustEngineProvider().build();
            touch(state, client.getName());
            LoginRedirectWarmUp.run(client, state.requests());
            return true;
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "startup warm-up of workspace " + client.getName() + " skipped", e);
            return false;
        }
    }

    /** Stores and consumes an outstanding request no response can name, and reads the other stores. */
    private static void touch(SharedSamlState state, String workspace) {
        String id = "_warm-up-" + UUID.randomUUID();
        state.requests().remember(id, workspace, "/");
        state.requests().consume(id, workspace);
        state.replayCache().seen(workspace, id);
    }
}
