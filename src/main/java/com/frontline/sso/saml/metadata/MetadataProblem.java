package com.frontline.sso.saml.metadata;

/** Why an IdP metadata document was not used; the caller decides whether that stops startup or is logged. */
final class MetadataProblem extends Exception {

    private static final long serialVersionUID = 1L;

    MetadataProblem(String message) {
        super(message);
    }

    MetadataProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
