package com.frontline.sso.saml.state;

import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.saml.store.SAMLMessageStore;
import org.pac4j.saml.store.SAMLMessageStoreFactory;

/** Gives pac4j a message store over the shared {@link OutstandingRequests}, bound to the current HTTP request. */
public final class OutstandingRequestStoreFactory implements SAMLMessageStoreFactory {

    private final OutstandingRequests requests;
    private final String workspace;

    public OutstandingRequestStoreFactory(OutstandingRequests requests, String workspace) {
        this.requests = requests;
        this.workspace = workspace;
    }

    @Override
    public SAMLMessageStore getMessageStore(WebContext context, SessionStore sessionStore) {
        return new OutstandingRequestMessageStore(requests, workspace, context);
    }
}
