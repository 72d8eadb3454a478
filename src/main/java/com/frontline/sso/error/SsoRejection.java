package com.frontline.sso.error;

import org.pac4j.saml.exceptions.SAMLException;

/**
 * A SAML message this SP refuses, with its documented code. Extends pac4j's SAMLException so it travels
 * through pac4j's callback logic unchanged and is answered by {@code SamlCallbackLogic}.
 */
public class SsoRejection extends SAMLException {

    private static final long serialVersionUID = 1L;

    private final SsoError error;

    public SsoRejection(SsoError error, String detail) {
        super(detail);
        this.error = error;
    }

    public SsoRejection(SsoError error, String detail, Throwable cause) {
        super(detail, cause);
        this.error = error;
    }

    public SsoError error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }
}
