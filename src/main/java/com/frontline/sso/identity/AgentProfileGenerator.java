package com.frontline.sso.identity;

import java.util.Optional;

import org.pac4j.core.authorization.generator.AuthorizationGenerator;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.profile.UserProfile;

import com.frontline.sso.config.Workspace;
import com.frontline.sso.error.SsoError;
import com.frontline.sso.error.SsoRejection;

/**
 * Runs once per login, after pac4j built its SAML profile: replaces it with an {@link AgentProfile} made by
 * the {@link ClaimsMapper} from the claims of the verified assertion.
 */
public final class AgentProfileGenerator implements AuthorizationGenerator {

    private final ClaimsMapper mapper;
    private final Workspace workspace;

    public AgentProfileGenerator(ClaimsMapper mapper, Workspace workspace) {
        this.mapper = mapper;
        this.workspace = workspace;
    }

    @Override
    public Optional<UserProfile> generate(WebContext context, SessionStore sessionStore, UserProfile samlProfile) {
        Optional<Object> found = context.getRequestAttribute(Claims.REQUEST_ATTRIBUTE);
        Claims claims = found.filter(Claims.class::isInstance)
                .map(Claims.class::cast)
                .orElseThrow(() -> new SsoRejection(SsoError.AUTHENTICATION_FAILED, "no verified assertion in this request"));
        return Optional.of(AgentProfile.of(mapper.toAgent(workspace, claims), samlProfile.getClientName()));
    }
}
