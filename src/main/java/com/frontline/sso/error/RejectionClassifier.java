package com.frontline.sso.error;

import java.util.Map;

import org.opensaml.messaging.decoder.MessageDecodingException;
import org.pac4j.saml.exceptions.SAMAssertionSubjectException;
import org.pac4j.saml.exceptions.SAMLAssertionAudienceException;
import org.pac4j.saml.exceptions.SAMLAssertionConditionException;
import org.pac4j.saml.exceptions.SAMLAuthnInstantException;
import org.pac4j.saml.exceptions.SAMLAuthnSessionCriteriaException;
import org.pac4j.saml.exceptions.SAMLEndpointMismatchException;
import org.pac4j.saml.exceptions.SAMLInResponseToMismatchException;
import org.pac4j.saml.exceptions.SAMLIssueInstantException;
import org.pac4j.saml.exceptions.SAMLIssuerException;
import org.pac4j.saml.exceptions.SAMLNameIdDecryptionException;
import org.pac4j.saml.exceptions.SAMLReplayException;
import org.pac4j.saml.exceptions.SAMLSignatureRequiredException;
import org.pac4j.saml.exceptions.SAMLSignatureValidationException;
import org.pac4j.saml.exceptions.SAMLSubjectConfirmationException;

/**
 * Gives every failure of SAML processing its documented code: our own {@link SsoRejection}s carry one, and
 * pac4j's exception types map to one here. Anything unforeseen is {@code authentication_failed}, still a 4xx.
 */
public final class RejectionClassifier {

    /** A classified failure: the code and the sentence for the audit line and the page. */
    public record Rejection(SsoError error, String detail) {
    }

    private static final Map<Class<? extends Throwable>, SsoError> PAC4J_ERRORS = Map.ofEntries(
            Map.entry(SAMLSignatureRequiredException.class, SsoError.MISSING_SIGNATURE),
            Map.entry(SAMLSignatureValidationException.class, SsoError.INVALID_SIGNATURE),
            Map.entry(SAMLIssuerException.class, SsoError.INVALID_ISSUER),
            Map.entry(SAMLEndpointMismatchException.class, SsoError.INVALID_DESTINATION),
            Map.entry(SAMLAssertionAudienceException.class, SsoError.INVALID_AUDIENCE),
            Map.entry(SAMLAssertionConditionException.class, SsoError.INVALID_ASSERTION_TIME),
            Map.entry(SAMLIssueInstantException.class, SsoError.INVALID_ASSERTION_TIME),
            Map.entry(SAMLAuthnSessionCriteriaException.class, SsoError.INVALID_ASSERTION_TIME),
            Map.entry(SAMLInResponseToMismatchException.class, SsoError.INVALID_IN_RESPONSE_TO),
            Map.entry(SAMLReplayException.class, SsoError.REPLAYED_ASSERTION),
            Map.entry(SAMLAuthnInstantException.class, SsoError.AUTHENTICATION_TOO_OLD),
            Map.entry(SAMLSubjectConfirmationException.class, SsoError.INVALID_SUBJECT),
            Map.entry(SAMAssertionSubjectException.class, SsoError.INVALID_SUBJECT),
            Map.entry(SAMLNameIdDecryptionException.class, SsoError.ENCRYPTION_NOT_CONFIGURED),
            Map.entry(MessageDecodingException.class, SsoError.MALFORMED_MESSAGE));

    private RejectionClassifier() {
    }

    public static Rejection classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SsoRejection rejection) {
                return new Rejection(rejection.error(), rejection.detail());
            }
            SsoError known = PAC4J_ERRORS.get(cause.getClass());
            if (known != null) {
                return new Rejection(known, describe(cause));
            }
        }
        return new Rejection(SsoError.AUTHENTICATION_FAILED, describe(failure));
    }

    /** The message of the failure, skipping wrappers whose message is only their cause's toString(). */
    private static String describe(Throwable failure) {
        Throwable meaningful = failure;
        while (meaningful.getCause() != null && meaningful.getCause() != meaningful
                && String.valueOf(meaningful.getMessage()).equals(meaningful.getCause().toString())) {
            meaningful = meaningful.getCause();
        }
        String message = meaningful.getMessage();
        return message == null || message.isBlank() ? meaningful.getClass().getSimpleName() : message;
    }
}
