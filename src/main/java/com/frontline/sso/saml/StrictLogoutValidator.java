package com.frontline.sso.saml;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.StatusResponseType;
import org.opensaml.xmlsec.signature.support.SignatureTrustEngine;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.core.profile.ProfileManager;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.saml.config.SAML2Configuration;
import org.pac4j.saml.context.SAML2MessageContext;
import org.pac4j.saml.crypto.SAML2SignatureTrustEngineProvider;
import org.pac4j.saml.logout.impl.SAML2LogoutValidator;

import com.frontline.sso.audit.AuditLog;
import com.frontline.sso.audit.RequestAudit;
import com.frontline.sso.config.Workspace;
import com.frontline.sso.error.SsoError;
import com.frontline.sso.error.SsoRejection;
import com.frontline.sso.identity.AgentProfile;
import com.frontline.sso.identity.SessionRevocations;
import com.frontline.sso.saml.state.SharedSamlState;

/**
 * Single Logout messages held to the same standard as logins. pac4j checks a logout message's signature only
 * if one is present and never checks HTTP-Redirect signatures; here every LogoutRequest and LogoutResponse
 * must be signed by the IdP (XML signature for POST, query signature for Redirect), be fresh, be addressed
 * to this SLO endpoint, be seen once, and a LogoutResponse must answer a LogoutRequest of this workspace.
 * A valid LogoutRequest ends the named sessions on every node (see {@link SessionRevocations}).
 */
final class StrictLogoutValidator extends SAML2LogoutValidator {

    private static final String REPLAY_CONTEXT = "logout";

    private final Workspace workspace;
    private final SharedSamlState state;
    private final Supplier<List<X509Certificate>> idpCertificates;
    private final AlgorithmPolicy algorithms;

    StrictLogoutValidator(SAML2SignatureTrustEngineProvider engine, SAML2Configuration configuration, SharedSamlState state,
                          Workspace workspace, Supplier<List<X509Certificate>> idpCertificates, long skewSeconds) {
        super(engine, null, configuration.getLogoutHandler(), configuration.getPostLogoutURL(), state.replayCache(),
                configuration.getUriComparator());
        this.workspace = workspace;
        this.state = state;
        this.idpCertificates = idpCertificates;
        this.algorithms = new AlgorithmPolicy(workspace.allowSha1());
        setAcceptedSkew(skewSeconds);
    }

    @Override
    public Credentials validate(SAML2MessageContext context) {
        requireSignature(context, context.getMessageContext().getMessage());
        return super.validate(context);
    }

    private void requireSignature(SAML2MessageContext context, Object message) {
        if (SAMLConstants.SAML2_REDIRECT_BINDING_URI.equals(context.getSAMLBindingContext().getBindingUri())) {
            HttpServletRequest request = ((JEEContext) context.getWebContext()).getNativeRequest();
            RedirectSignatureCheck.verify(request.getQueryString(), idpCertificates.get(), algorithms);
            context.getSAMLPeerEntityContext().setAuthenticated(true);
        } else if (!(message instanceof org.opensaml.xmlsec.signature.SignableXMLObject signable) || signable.getSignature() == null) {
            throw new SsoRejection(SsoError.MISSING_SIGNATURE, "the logout message is not signed");
        } else if (!algorithms.allowsSignature(signable.getSignature().getSignatureAlgorithm())) {
            throw new SsoRejection(SsoError.WEAK_ALGORITHM, "signature algorithm " + signable.getSignature().getSignatureAlgorithm()
                    + " is not allowed");
        }
    }

    private void requireFresh(String id, Instant issueInstant, String destination) {
        if (issueInstant == null || !isIssueInstantValid(issueInstant)) {
            throw new SsoRejection(SsoError.INVALID_ASSERTION_TIME, "the logout message was issued at " + issueInstant
                    + ", outside the accepted clock skew");
        }
        if (destination != null && !destination.equals(workspace.sloUrl())) {
            throw new SsoRejection(SsoError.INVALID_DESTINATION, "Destination " + destination + " is not this SLO endpoint "
                    + workspace.sloUrl());
        }
        Instant expires = Instant.now().plusSeconds(2 * acceptedSkew);
        if (id == null || !state.replayCache().check(REPLAY_CONTEXT, id, expires)) {
            throw new SsoRejection(SsoError.REPLAYED_ASSERTION, "the logout message " + id + " was received before");
        }
    }

    private void requireOutstandingRequest(StatusResponseType response) {
        if (response.getInResponseTo() == null
                || state.requests().consume(response.getInResponseTo(), workspace.id()).isEmpty()) {
            throw new SsoRejection(SsoError.INVALID_IN_RESPONSE_TO, "the LogoutResponse answers no LogoutRequest of this SP: "
                    + response.getInResponseTo());
        }
    }

    /** After pac4j's checks: end the named sessions everywhere, and this browser's session now. */
    @Override
    protected void validateLogoutRequest(LogoutRequest logoutRequest, SAML2MessageContext context, SignatureTrustEngine engine) {
        super.validateLogoutRequest(logoutRequest, context, engine);
        // Recorded only now that the signature verified, so a forged message cannot use up an ID.
        requireFresh(logoutRequest.getID(), logoutRequest.getIssueInstant(), logoutRequest.getDestination());
        String nameId = logoutRequest.getNameID() == null ? null : logoutRequest.getNameID().getValue();
        List<String> sessionIndexes = logoutRequest.getSessionIndexes().stream().map(index -> index.getValue()).toList();
        if (sessionIndexes.isEmpty()) {
            state.revocations().revoke(workspace.id(), null, nameId);
        } else {
            sessionIndexes.forEach(index -> state.revocations().revoke(workspace.id(), index, nameId));
        }
        endThisBrowsersSession(context);
        HttpServletRequest request = ((JEEContext) context.getWebContext()).getNativeRequest();
        AuditLog.info(RequestAudit.event(request, "logout")
                .with("initiatedBy", "idp")
                .with("workspace", workspace.id())
                .with("issuer", logoutRequest.getIssuer() == null ? null : logoutRequest.getIssuer().getValue())
                .with("nameId", nameId)
                .with("sessionIndex", String.join(",", sessionIndexes)));
    }

    private void endThisBrowsersSession(SAML2MessageContext context) {
        ProfileManager profiles = new ProfileManager(context.getWebContext(), context.getSessionStore());
        boolean revoked = profiles.getProfiles().stream().filter(AgentProfile.class::isInstance).map(AgentProfile.class::cast)
                .anyMatch(profile -> state.revocations().isRevoked(profile.agent()));
        if (revoked) {
            profiles.removeProfiles();
            context.getSessionStore().destroySession(context.getWebContext());
        }
    }

    @Override
    protected void validateLogoutResponse(LogoutResponse logoutResponse, SAML2MessageContext context, SignatureTrustEngine engine) {
        super.validateLogoutResponse(logoutResponse, context, engine);
        requireFresh(logoutResponse.getID(), logoutResponse.getIssueInstant(), null);
        requireOutstandingRequest(logoutResponse);
        HttpServletRequest request = ((JEEContext) context.getWebContext()).getNativeRequest();
        AuditLog.info(RequestAudit.event(request, "logout_confirmed")
                .with("workspace", workspace.id())
                .with("issuer", logoutResponse.getIssuer() == null ? null : logoutResponse.getIssuer().getValue()));
    }
}
