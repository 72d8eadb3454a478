package com.frontline.sso.identity;

import java.security.Principal;
import java.time.Instant;

import org.pac4j.core.profile.CommonProfile;

/**
 * The pac4j profile kept in the HTTP session: nothing but the {@link Agent}. It expires with the agent's
 * session limit, and pac4j then treats the user as signed out.
 */
public class AgentProfile extends CommonProfile {

    private static final long serialVersionUID = 1L;
    private static final String AGENT = "agent";

    /** For deserialisation of the session (pac4j profiles are Externalizable). */
    public AgentProfile() {
        super();
    }

    public static AgentProfile of(Agent agent, String clientName) {
        AgentProfile profile = new AgentProfile();
        profile.setId(agent.email());
        profile.setClientName(clientName);
        profile.addAttribute(AGENT, agent);
        profile.addRoles(agent.roles());
        return profile;
    }

    public Agent agent() {
        return (Agent) getAttribute(AGENT);
    }

    /** What pac4j's request wrapper returns from getUserPrincipal(): the agent, for servlets, pages and JAX-RS. */
    @Override
    public Principal asPrincipal() {
        return new AgentPrincipal(agent());
    }

    @Override
    public boolean isExpired() {
        return agent().expiredAt(Instant.now());
    }
}
