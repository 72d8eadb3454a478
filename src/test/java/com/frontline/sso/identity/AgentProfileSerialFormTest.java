package com.frontline.sso.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The agent's profile as the HTTP session (and so the data grid) stores it: what is read back is what was signed in. */
class AgentProfileSerialFormTest {

    private static final Instant AUTHENTICATED = Instant.parse("2026-11-28T08:00:00.123456789Z");

    private static Agent agent(String name, String nameId, String sessionIndex) {
        return new Agent("emea", "alice@example.com", List.of("agent", "supervisor"), name, nameId,
                "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", "https://idp.example.com", sessionIndex,
                AUTHENTICATED, AUTHENTICATED.plusSeconds(2), AUTHENTICATED.plusSeconds(8 * 3600));
    }

    @Test
    void aSessionReadBackHoldsTheSameAgentAndProfile() throws Exception {
        AgentProfile stored = AgentProfile.of(agent("Alice Agent", "a1b2c3", "_session-1"), "emea");

        AgentProfile read = roundTrip(stored);

        assertEquals(stored.agent(), read.agent());
        assertEquals("a1b2c3", read.getId());
        assertEquals("emea", read.getClientName());
        assertEquals(Set.of("agent", "supervisor"), read.getRoles());
        assertEquals("_session-1", read.getSessionIndex());
        assertEquals("https://idp.example.com", read.getIssuerEntityID());
        assertEquals(stored.getAttributes(), read.getAttributes());
        assertTrue(read.getAuthenticationAttributes().isEmpty());
    }

    @Test
    void absentOptionalClaimsStayAbsent() throws Exception {
        AgentProfile read = roundTrip(AgentProfile.of(agent(null, null, null), "emea"));

        assertEquals(agent(null, null, null), read.agent());
        assertEquals("alice@example.com", read.getId(), "without a NameID the profile is known by the email");
    }

    @Test
    void aSessionOfAnotherFormatIsRefusedWithItsReason() {
        DataInputStream written = new DataInputStream(new ByteArrayInputStream(new byte[] {99, 0, 0}));

        InvalidObjectException refused = assertThrows(InvalidObjectException.class, () -> AgentSerialForm.read(written));
        assertTrue(refused.getMessage().contains("format 99"), refused.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static AgentProfile roundTrip(AgentProfile profile) throws Exception {
        // As pac4j keeps it: a map of profiles by client name, one session attribute.
        Map<String, Object> profiles = new LinkedHashMap<>(Map.of(profile.getClientName(), profile));
        Map<String, Object> read = (Map<String, Object>) deserialise(serialise(profiles));
        return (AgentProfile) read.get(profile.getClientName());
    }

    private static byte[] serialise(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object deserialise(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
