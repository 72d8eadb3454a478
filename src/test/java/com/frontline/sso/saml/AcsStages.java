package com.frontline.sso.saml;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;

import org.opensaml.core.criterion.EntityIdCriterion;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.criterion.EntityRoleCriterion;
import org.opensaml.saml.criterion.ProtocolCriterion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.criteria.UsageCriterion;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureTrustEngine;
import org.pac4j.saml.util.Configuration;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.identity.Agent;
import com.frontline.sso.identity.ClaimsMapper;

import net.shibboleth.utilities.java.support.codec.Base64Support;
import net.shibboleth.utilities.java.support.resolver.CriteriaSet;
import com.frontline.sso.saml.metadata.IdpMetadata;
import com.frontline.sso.saml.state.SharedSamlState;

/**
 * The ACS validation path taken apart, for the benchmark of its stages (AcsValidationJmh). Each stage calls
 * what the ACS calls, with the SP's real SAML client (the test IdP's metadata, as {@link InProcessAcs}):
 * <ul>
 *   <li>{@link #decode}: base64 and parse + unmarshall with pac4j's parser pool, as pac4j's HTTP-POST decoder does;</li>
 *   <li>{@link #checkStructure}: this SP's anti-wrapping structure rules;</li>
 *   <li>{@link #trustEngine}: the signature trust engine pac4j builds for every response;</li>
 *   <li>{@link #verifySignatures}: the Response's and the Assertion's signature, profile check + trust engine, as
 *       pac4j's validator does (the test IdP signs both);</li>
 *   <li>{@link #mapClaims}: the verified assertion's claims to the agent.</li>
 * </ul>
 * The whole path, with replay, audience, destination and time checks and the agent profile, is {@link InProcessAcs#post}.
 */
public final class AcsStages {

    private final SsoSettings settings;
    private final FrontlineSaml2Client client;
    private final ResponseStructureCheck structure;
    private final ClaimsMapper mapper;

    private AcsStages(SsoSettings settings) {
        this.settings = settings;
        this.client = SamlClientFactory.create(settings, settings.primary(), IdpMetadata.load(settings.primary()),
                SharedSamlState.open(settings));
        this.structure = new ResponseStructureCheck(new AlgorithmPolicy(settings.primary().allowSha1()), false);
        this.mapper = new ClaimsMapper(settings);
    }

    public static AcsStages withTestIdp(Path dataDir, Map<String, String> extraSettings) {
        return new AcsStages(TestSettings.with(dataDir, extraSettings));
    }

    public String spEntityId() {
        return settings.primary().spEntityId();
    }

    public String acsUrl() {
        return settings.primary().acsUrl();
    }

    public Response decode(String samlResponse) throws Exception {
        byte[] xml = Base64Support.decode(samlResponse);
        return (Response) XMLObjectSupport.unmarshallFromInputStream(Configuration.getParserPool(), new ByteArrayInputStream(xml));
    }

    public void checkStructure(Response response) {
        structure.verify(response.getDOM());
    }

    public SignatureTrustEngine trustEngine() {
        return client.getSignatureTrustEngineProvider().build();
    }

    /** Verifies the Response's and the Assertion's signatures; throws if either is absent or not trusted. */
    public void verifySignatures(Response response, SignatureTrustEngine engine) throws Exception {
        verify(response.getSignature(), engine);
        Assertion assertion = response.getAssertions().get(0);
        verify(assertion.getSignature(), engine);
    }

    private void verify(Signature signature, SignatureTrustEngine engine) throws Exception {
        if (signature == null) {
            throw new IllegalStateException("unsigned");
        }
        new SAMLSignatureProfileValidator().validate(signature);
        CriteriaSet criteria = new CriteriaSet();
        criteria.add(new UsageCriterion(UsageType.SIGNING));
        criteria.add(new EntityRoleCriterion(IDPSSODescriptor.DEFAULT_ELEMENT_NAME));
        criteria.add(new ProtocolCriterion(SAMLConstants.SAML20P_NS));
        criteria.add(new EntityIdCriterion(client.getIdentityProviderResolvedEntityId()));
        if (!engine.validate(signature, criteria)) {
            throw new IllegalStateException("signature not trusted");
        }
    }

    public Agent mapClaims(Response response) {
        return mapper.toAgent(settings.primary(), AssertionClaims.from(response.getAssertions().get(0)));
    }
}
