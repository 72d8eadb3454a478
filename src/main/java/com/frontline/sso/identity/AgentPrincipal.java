package com.frontline.sso.identity;

import java.io.Serializable;
import java.security.Principal;

/** The agent as {@code HttpServletRequest#getUserPrincipal()} and JAX-RS {@code SecurityContext} show it; its name is the email. */
public record AgentPrincipal(Agent agent) implements Principal, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return agent.email();
    }
}
