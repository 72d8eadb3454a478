package com.frontline.sso.saml.state;

import java.util.Optional;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.pac4j.core.context.WebContext;
import org.pac4j.saml.store.SAMLMessageStore;

import com.frontline.sso.web.LoginTarget;

/**
 * pac4j's view of {@link OutstandingRequests} for one HTTP request. pac4j stores each AuthnRequest it sends
 * and looks it up by InResponseTo; the target found is handed to the redirect after login. The request is
 * consumed only after the response verified, so it is answered at most once and a forged response cannot
 * use it up.
 */
final class OutstandingRequestMessageStore implements SAMLMessageStore {

    private final OutstandingRequests requests;
    private final String workspace;
    private final WebContext context;

    OutstandingRequestMessageStore(OutstandingRequests requests, String workspace, WebContext context) {
        this.requests = requests;
        this.workspace = workspace;
        this.context = context;
    }

    @Override
    public void set(String requestId, XMLObject message) {
        requests.remember(requestId, workspace, LoginTarget.requested(context));
        context.setRequestAttribute(OutstandingRequests.REMEMBERED_ID, requestId);
    }

    @Override
    public Optional<XMLObject> get(String requestId) {
        // Only looked at here: the request is consumed once the whole response verified (StrictResponseValidator).
        return requests.peek(requestId, workspace).map(target -> {
            LoginTarget.answered(context, target);
            return answeredRequest(requestId);
        });
    }

    @Override
    public void remove(String requestId) {
        requests.consume(requestId, workspace);
    }

    /** pac4j only compares the ID of the stored request; keeping the ID alone keeps shared state small. */
    private static AuthnRequest answeredRequest(String requestId) {
        AuthnRequest request = (AuthnRequest) XMLObjectProviderRegistrySupport.getBuilderFactory()
                .getBuilderOrThrow(AuthnRequest.DEFAULT_ELEMENT_NAME)
                .buildObject(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(requestId);
        return request;
    }
}
