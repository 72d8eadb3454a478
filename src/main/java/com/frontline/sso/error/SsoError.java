package com.frontline.sso.error;

/**
 * The documented error codes (README, "Error codes"), in the manner of Spring Security's Saml2ErrorCodes.
 * Each has the HTTP status it is answered with, a sentence the user sees, and what an administrator should check.
 */
public enum SsoError {

    MALFORMED_MESSAGE("malformed_message", 400, "The sign-in message could not be read.",
            "The POST to the ACS did not carry a well-formed SAML Response (bad base64/XML, a DOCTYPE, or no SAMLResponse)."),
    MESSAGE_TOO_LARGE("message_too_large", 413, "The sign-in message is too large.",
            "The SAMLResponse exceeded sso.max-message-bytes. Reduce the attributes the IdP sends or raise the limit."),
    INVALID_STRUCTURE("invalid_structure", 400, "The sign-in message has an unexpected structure.",
            "Exactly one assertion per response, unique IDs, signatures only on the Response or Assertion. A message that "
                    + "breaks this is forged (XML signature wrapping) or from a non-conforming IdP."),
    MISSING_SIGNATURE("missing_signature", 403, "The sign-in message is not signed.",
            "Configure the IdP to sign the assertion or the response (Keycloak: 'Sign assertions'; Entra: 'Sign SAML assertion')."),
    INVALID_SIGNATURE("invalid_signature", 403, "The sign-in message's signature is not valid.",
            "The signature does not verify with a key from the IdP metadata. Check that sso.idp.metadata is current "
                    + "(certificate rollover) and that nothing rewrites the message in transit."),
    WEAK_ALGORITHM("weak_algorithm", 403, "The sign-in message uses a signature algorithm that is not allowed.",
            "The IdP signs with SHA-1 (or weaker). Switch it to RSA-SHA256; only if impossible set sso.allow-sha1=true."),
    ENCRYPTION_NOT_CONFIGURED("encryption_not_configured", 400, "The sign-in message is encrypted, but this application cannot decrypt it.",
            "The IdP encrypts assertions but no decryption key is configured. Turn off assertion encryption at the IdP."),
    DECRYPTION_FAILED("decryption_failed", 400, "The sign-in message could not be decrypted.",
            "The IdP encrypted the assertion for a key other than sso.encryption.keystore.*: register this SP's current "
                    + "metadata (its encryption certificate) at the IdP."),
    INVALID_STATUS("invalid_status", 403, "The identity provider reported that sign-in failed.",
            "The IdP answered with a non-Success status (see detail): the user may not be assigned to the application."),
    INVALID_ISSUER("invalid_issuer", 403, "The sign-in message comes from an unexpected identity provider.",
            "The Issuer differs from the entityID in sso.idp.metadata."),
    INVALID_AUDIENCE("invalid_audience", 403, "The sign-in message was meant for another application.",
            "The assertion's Audience must equal this SP's entity ID (sso.sp.entity-id); fix the Identifier/Entity ID at the IdP."),
    INVALID_DESTINATION("invalid_destination", 403, "The sign-in message was sent to the wrong address.",
            "Destination/Recipient must equal the ACS URL (sso.base-url + /saml/acs); fix the Reply/ACS URL at the IdP or sso.base-url."),
    INVALID_ASSERTION_TIME("invalid_assertion_time", 403, "The sign-in message has expired or is not valid yet.",
            "NotBefore/NotOnOrAfter are outside the accepted window: check the clocks of IdP and server (NTP) or sso.clock-skew."),
    AUTHENTICATION_TOO_OLD("authentication_too_old", 403, "Your sign-in at the identity provider is too old.",
            "AuthnInstant is older than sso.max-authentication-age; the user must sign in again at the IdP."),
    INVALID_SUBJECT("invalid_subject", 403, "The sign-in message does not identify a user correctly.",
            "The assertion needs a Subject with a bearer SubjectConfirmation (Recipient = ACS URL, NotOnOrAfter set)."),
    INVALID_IN_RESPONSE_TO("invalid_in_response_to", 403, "The sign-in message does not answer a sign-in this application started.",
            "InResponseTo names no outstanding request: it was used already, expired (30 min) or was never issued here. "
                    + "Start again from the application."),
    UNSOLICITED_RESPONSE("unsolicited_response", 403, "Sign-in started at the identity provider is not enabled.",
            "IdP-initiated login is off. Start from the application, or set sso.idp-initiated.enabled=true."),
    REPLAYED_ASSERTION("replayed_assertion", 403, "This sign-in message was already used.",
            "The assertion ID was accepted before; a browser's back button or an attacker re-posted it."),
    MISSING_EMAIL("missing_email", 403, "The identity provider did not send your email address.",
            "Map the user's email to the attribute named by sso.attribute.email (default 'email') at the IdP."),
    ROLE_MISSING("role_missing", 403, "Your account does not have the role needed for this application.",
            "Assign the required role (sso.role.required, default 'agent') to the user at the IdP, sent in the 'roles' attribute."),
    UNKNOWN_WORKSPACE("unknown_workspace", 404, "There is no such workspace.",
            "The workspace ID is not one of sso.workspaces; check the ID the agent typed or the link used."),
    UNAUTHENTICATED("unauthenticated", 401, "Sign-in required.",
            "An API call without a valid session. Sign in through the browser first."),
    AUTHENTICATION_FAILED("authentication_failed", 400, "Sign-in could not be completed.",
            "An unexpected SAML processing error; the audit line has the detail.");

    private final String code;
    private final int status;
    private final String userMessage;
    private final String adminHint;

    SsoError(String code, int status, String userMessage, String adminHint) {
        this.code = code;
        this.status = status;
        this.userMessage = userMessage;
        this.adminHint = adminHint;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String userMessage() {
        return userMessage;
    }

    public String adminHint() {
        return adminHint;
    }
}
