package com.frontline.sso.saml;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.xmlsec.encryption.support.DecryptionException;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureTrustEngine;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.saml.config.SAML2Configuration;
import org.pac4j.saml.context.SAML2MessageContext;
import org.pac4j.saml.credentials.SAML2Credentials;
import org.pac4j.saml.crypto.SAML2SignatureTrustEngineProvider;
import org.pac4j.saml.exceptions.SAMLSignatureValidationException;
import org.pac4j.saml.sso.impl.SAML2AuthnResponseValidator;
import org.pac4j.saml.util.SAML2Utils;

import com.frontline.sso.audit.MessageFacts;
import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.config.Workspace;
import com.frontline.sso.error.SsoError;
import com.frontline.sso.identity.Claims;
import com.frontline.sso.error.SsoRejection;
import com.frontline.sso.saml.state.SharedReplayCache;
import com.frontline.sso.saml.state.SharedSamlState;

/**
 * pac4j's response validation made strict: structure first (no signature wrapping), responses must answer a
 * request of ours unless IdP-initiated login is enabled, the assertion must be covered by a trusted signature
 * (its own or the Response's), and every refusal carries a documented {@link SsoError}.
 */
final class StrictResponseValidator extends SAML2AuthnResponseValidator {

    private static final String REPLAY_CONTEXT = "acs";

    private final SharedSamlState state;
    private final Workspace workspace;
    private final long skewSeconds;
    private final ResponseStructureCheck structure;

    StrictResponseValidator(SAML2SignatureTrustEngineProvider engine, Decrypter decrypter, SharedSamlState state,
                            SAML2Configuration configuration, SsoSettings settings, Workspace workspace) {
        super(engine, decrypter, state.replayCache(), configuration);
        this.state = state;
        this.workspace = workspace;
        this.skewSeconds = settings.clockSkew().toSeconds();
        this.structure = new ResponseStructureCheck(new AlgorithmPolicy(workspace.allowSha1()), decrypter != null);
        setAcceptedSkew(skewSeconds);
    }

    @Override
    public Credentials validate(SAML2MessageContext context) {
        XMLObject message = (XMLObject) context.getMessageContext().getMessage();
        if (!(message instanceof Response response) || response.getDOM() == null) {
            throw new SsoRejection(SsoError.MALFORMED_MESSAGE, "the message is not a SAML 2.0 Response");
        }
        noteClaimedIdentity(context, response);
        structure.verify(response.getDOM());
        refuseKnownReplay(response);
        requireSchemaParts(response);
        if (response.getInResponseTo() == null && !workspace.idpInitiatedEnabled()) {
            throw new SsoRejection(SsoError.UNSOLICITED_RESPONSE,
                    "the response answers no AuthnRequest (IdP-initiated) and sso.idp-initiated.enabled is false");
        }
        return super.validate(context);
    }

    /**
     * pac4j records message and assertion IDs before any signature is checked, so a forged message could use
     * up a real one; here they are recorded only once everything verified (see {@link #recordOnceVerified}).
     */
    @Override
    protected void verifyMessageReplay(SAML2MessageContext context) {
        // deferred to recordOnceVerified
    }

    @Override
    protected void validateAssertionReplay(Assertion assertion, SubjectConfirmationData data) {
        // deferred to recordOnceVerified
    }

    /** A read-only early answer for a replayed message, so it is named as such; nothing is recorded here. */
    private void refuseKnownReplay(Response response) {
        boolean known = state.replayCache().seen(REPLAY_CONTEXT, "response|" + response.getID())
                || response.getAssertions().stream().anyMatch(assertion -> state.replayCache().seen(REPLAY_CONTEXT, assertion.getID()));
        if (known) {
            throw new SsoRejection(SsoError.REPLAYED_ASSERTION, "the response or its assertion was accepted before");
        }
    }

    /**
     * After every check passed: the response and assertion IDs are accepted once (atomically, cluster-wide)
     * and the AuthnRequest answered is consumed. Until then a forged message consumes nothing.
     */
    private void recordOnceVerified(Response response, Assertion assertion) {
        Instant expires = assertion.getSubject().getSubjectConfirmations().stream()
                .map(confirmation -> confirmation.getSubjectConfirmationData())
                .filter(data -> data != null && data.getNotOnOrAfter() != null)
                .map(data -> data.getNotOnOrAfter().plusSeconds(skewSeconds))
                .max(Instant::compareTo)
                .orElse(Instant.now().plus(SharedReplayCache.RETENTION));
        if (!state.replayCache().check(REPLAY_CONTEXT, assertion.getID(), expires)
                || !state.replayCache().check(REPLAY_CONTEXT, "response|" + response.getID(), expires)) {
            throw new SsoRejection(SsoError.REPLAYED_ASSERTION, "assertion " + assertion.getID() + " was accepted before");
        }
        if (response.getInResponseTo() != null && state.requests().consume(response.getInResponseTo(), workspace.id()).isEmpty()) {
            throw new SsoRejection(SsoError.INVALID_IN_RESPONSE_TO, "the AuthnRequest " + response.getInResponseTo()
                    + " was answered already");
        }
    }

    /** Decrypts the one encrypted assertion (only reached when a decryption key is configured), then checks it like a plain one. */
    @Override
    protected void decryptEncryptedAssertions(Response response, Decrypter decrypter) {
        for (EncryptedAssertion encrypted : response.getEncryptedAssertions()) {
            try {
                Assertion assertion = decrypter.decrypt(encrypted);
                structure.verifyDecrypted(assertion.getDOM());
                response.getAssertions().add(assertion);
            } catch (DecryptionException e) {
                throw new SsoRejection(SsoError.DECRYPTION_FAILED, "the encrypted assertion cannot be decrypted with the "
                        + "configured encryption key: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Parts the SAML schema requires and pac4j reads without a null check: a message without them is refused as
     * invalid_structure, not with a NullPointerException (authentication_failed), as ResponseFuzzIT found.
     */
    private static void requireSchemaParts(Response response) {
        require(response.getIssueInstant() != null, "the Response has no IssueInstant");
        for (Assertion assertion : response.getAssertions()) {
            require(assertion.getIssueInstant() != null && assertion.getIssuer() != null, "the Assertion has no IssueInstant or Issuer");
            for (AuthnStatement statement : assertion.getAuthnStatements()) {
                require(statement.getAuthnInstant() != null && statement.getAuthnContext() != null,
                        "an AuthnStatement has no AuthnInstant or AuthnContext");
            }
        }
    }

    private static void require(boolean present, String problem) {
        if (!present) {
            throw new SsoRejection(SsoError.INVALID_STRUCTURE, problem);
        }
    }

    /** Unverified, for the audit line only: who the message claims to be from and about. */
    private static void noteClaimedIdentity(SAML2MessageContext context, Response response) {
        if (response.getIssuer() != null) {
            context.getWebContext().setRequestAttribute(MessageFacts.ISSUER, response.getIssuer().getValue());
        }
        response.getAssertions().stream()
                .filter(assertion -> assertion.getSubject() != null && assertion.getSubject().getNameID() != null)
                .findFirst()
                .ifPresent(assertion -> context.getWebContext().setRequestAttribute(MessageFacts.NAME_ID,
                        assertion.getSubject().getNameID().getValue()));
    }

    /** Hands the verified assertion's claims to the login step; pac4j's own attribute copy is not used for identity. */
    @Override
    protected SAML2Credentials buildSAML2Credentials(SAML2MessageContext context, Response response) {
        recordOnceVerified(response, context.getSubjectAssertion());
        SAML2Credentials credentials = super.buildSAML2Credentials(context, response);
        context.getWebContext().setRequestAttribute(Claims.REQUEST_ATTRIBUTE, AssertionClaims.from(context.getSubjectAssertion()));
        return credentials;
    }

    @Override
    protected void validateSuccess(Status status) {
        String code = status == null || status.getStatusCode() == null ? null : status.getStatusCode().getValue();
        if (!StatusCode.SUCCESS.equals(code)) {
            String message = status != null && status.getStatusMessage() != null ? " (" + status.getStatusMessage().getValue() + ")" : "";
            throw new SsoRejection(SsoError.INVALID_STATUS, "status " + code + message);
        }
    }

    @Override
    protected void validateSignature(Signature signature, String idpEntityId, SignatureTrustEngine trustEngine) {
        try {
            super.validateSignature(signature, idpEntityId, trustEngine);
        } catch (SAMLSignatureValidationException e) {
            throw new SsoRejection(SsoError.INVALID_SIGNATURE,
                    "signature does not verify with a key from the IdP metadata of " + idpEntityId, e);
        } catch (RuntimeException e) {
            // OpenSAML's trust engine lets some decoding failures escape unwrapped: a SignatureValue that is not
            // base64 (IllegalArgumentException), an embedded certificate that is not DER (cryptacular's StreamException).
            throw new SsoRejection(SsoError.INVALID_SIGNATURE, "the signature cannot be verified: " + e.getMessage(), e);
        }
    }

    /** The assertion counts as signed when it carries its own valid signature or the whole Response was verified. */
    @Override
    protected void validateAssertionSignature(Signature signature, SAML2MessageContext context, SignatureTrustEngine engine) {
        if (signature != null) {
            validateSignature(signature, context.getSAMLPeerEntityContext().getEntityId(), engine);
        } else if (workspace.requireSignedAssertions()) {
            throw new SsoRejection(SsoError.MISSING_SIGNATURE,
                    "the assertion is not signed and sso.require-signed-assertions is true");
        } else if (!context.getSAMLPeerEntityContext().isAuthenticated()) {
            throw new SsoRejection(SsoError.MISSING_SIGNATURE, "neither the assertion nor the response is signed");
        }
    }

    @Override
    protected void validateAssertionConditions(Conditions conditions, SAML2MessageContext context) {
        if (conditions == null) {
            throw new SsoRejection(SsoError.INVALID_AUDIENCE, "the assertion has no Conditions, so no Audience");
        }
        Instant now = Instant.now();
        long skew = skewSeconds;
        if (conditions.getNotBefore() != null && conditions.getNotBefore().minusSeconds(skew).isAfter(now)) {
            throw new SsoRejection(SsoError.INVALID_ASSERTION_TIME, "assertion not valid before " + conditions.getNotBefore());
        }
        if (conditions.getNotOnOrAfter() != null && !conditions.getNotOnOrAfter().plusSeconds(skew).isAfter(now)) {
            throw new SsoRejection(SsoError.INVALID_ASSERTION_TIME, "assertion expired at " + conditions.getNotOnOrAfter());
        }
        super.validateAssertionConditions(conditions, context);
    }

    /** Says which rule a bearer confirmation breaks instead of pac4j's generic "confirmation failed". */
    @Override
    protected boolean isValidBearerSubjectConfirmationData(SubjectConfirmationData data, SAML2MessageContext context) {
        if (data == null || data.getNotOnOrAfter() == null) {
            throw new SsoRejection(SsoError.INVALID_SUBJECT, "bearer SubjectConfirmationData without NotOnOrAfter");
        }
        Instant now = Instant.now();
        Instant expires = data.getNotOnOrAfter().plusSeconds(skewSeconds);
        if (!expires.isAfter(now)) {
            throw new SsoRejection(SsoError.INVALID_ASSERTION_TIME, "subject confirmation expired at " + data.getNotOnOrAfter());
        }
        if (expires.isAfter(now.plus(SharedReplayCache.RETENTION))) {
            throw new SsoRejection(SsoError.INVALID_ASSERTION_TIME, "subject confirmation valid until " + data.getNotOnOrAfter()
                    + ", longer than the replay cache remembers (" + SharedReplayCache.RETENTION.toMinutes() + " min)");
        }
        if (data.getRecipient() == null || !sameUrl(data.getRecipient(), workspace.acsUrl())) {
            throw new SsoRejection(SsoError.INVALID_DESTINATION,
                    "subject confirmation Recipient " + data.getRecipient() + " is not this ACS " + workspace.acsUrl());
        }
        return super.isValidBearerSubjectConfirmationData(data, context);
    }

    private static boolean sameUrl(String actual, String expected) {
        try {
            return SAML2Utils.urisEqualAfterPortNormalization(new URI(actual), new URI(expected));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
