package com.frontline.sso.audit;

/**
 * Request attributes under which the ACS notes who a SAML message claims to come from and to be about, as
 * soon as it is parsed, so that even a refusal's audit line can name the issuer and NameID.
 */
public final class MessageFacts {

    public static final String ISSUER = MessageFacts.class.getName() + ".issuer";
    public static final String NAME_ID = MessageFacts.class.getName() + ".nameId";

    private MessageFacts() {
    }
}
