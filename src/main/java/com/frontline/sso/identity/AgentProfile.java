package com.frontline.sso.identity;

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.security.Principal;
import java.time.Instant;

import org.pac4j.saml.profile.SAML2Profile;

/**
 * The pac4j profile kept in the HTTP session: nothing but the {@link Agent}. It is a SAML2Profile so pac4j
 * can build the LogoutRequest for Single Logout (its ID is the NameID; SessionIndex and NameID format come
 * from the agent). It expires with the agent's session limit, and pac4j then treats the user as signed out.
 */
public class AgentProfile extends SAML2Profile {

    private static final long serialVersionUID = 1L;
    private static final String AGENT = "agent";

    /** For deserialisation of the session (pac4j profiles are Externalizable). */
    public AgentProfile() {
        super();
    }

    public static AgentProfile of(Agent agent, String clientName) {
        AgentProfile profile = new AgentProfile();
        profile.describe(agent, clientName);
        return profile;
    }

    private void describe(Agent agent, String clientName) {
        setId(agent.nameId() != null ? agent.nameId() : agent.email());
        setClientName(clientName);
        addAttribute(AGENT, agent);
        addRoles(agent.roles());
    }

    /** The agent and client name only (see {@link AgentSerialForm}); everything else of the profile follows from them. */
    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        AgentSerialForm.write(out, getClientName(), agent());
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        AgentSerialForm.Stored stored = AgentSerialForm.read(in);
        describe(stored.agent(), stored.clientName());
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
    public String getSessionIndex() {
        return agent().sessionIndex();
    }

    @Override
    public String getSamlNameIdFormat() {
        return agent().nameIdFormat();
    }

    @Override
    public String getIssuerEntityID() {
        return agent().idp();
    }

    @Override
    public boolean isExpired() {
        return agent().expiredAt(Instant.now());
    }
}
