package com.frontline.sso.api;

import java.util.List;

import com.frontline.sso.identity.Agent;

/** The JSON form of the signed-in agent served by GET /api/me. Times are ISO-8601 in UTC. */
public record AgentView(
        String email,
        List<String> roles,
        String name,
        String nameId,
        String idp,
        String authenticatedAt,
        String sessionExpiresAt) {

    public static AgentView of(Agent agent) {
        return new AgentView(agent.email(), agent.roles(), agent.name(), agent.nameId(), agent.idp(),
                agent.authenticatedAt().toString(), agent.sessionExpiresAt().toString());
    }
}
