package com.frontline.sso.identity;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How an agent's profile is written into the HTTP session, and so into the data grid of a cluster: a format
 * number, then the client name and the agent's fields as strings and numbers. Payara reads the session back from
 * the grid on every request; default Java serialisation of the record and of pac4j's maps and sets resolved a dozen
 * class descriptors each time. A new field means a new format number, read next to the old one during an upgrade.
 */
final class AgentSerialForm {

    static final int FORMAT = 1;

    record Stored(String clientName, Agent agent) {
    }

    private AgentSerialForm() {
    }

    static void write(DataOutput out, String clientName, Agent agent) throws IOException {
        out.writeByte(FORMAT);
        writeNullable(out, clientName);
        writeNullable(out, agent.workspace());
        writeNullable(out, agent.email());
        out.writeInt(agent.roles().size());
        for (String role : agent.roles()) {
            out.writeUTF(role);
        }
        writeNullable(out, agent.name());
        writeNullable(out, agent.nameId());
        writeNullable(out, agent.nameIdFormat());
        writeNullable(out, agent.idp());
        writeNullable(out, agent.sessionIndex());
        writeNullable(out, agent.authenticatedAt());
        writeNullable(out, agent.loggedInAt());
        writeNullable(out, agent.sessionExpiresAt());
    }

    static Stored read(DataInput in) throws IOException {
        int format = in.readUnsignedByte();
        if (format != FORMAT) {
            throw new InvalidObjectException("agent profile in session format " + format + ", this release reads format "
                    + FORMAT + " (a session written by another release of frontline-sso)");
        }
        String clientName = readString(in);
        String workspace = readString(in);
        String email = readString(in);
        int roleCount = in.readInt();
        List<String> roles = new ArrayList<>(roleCount);
        for (int i = 0; i < roleCount; i++) {
            roles.add(in.readUTF());
        }
        Agent agent = new Agent(workspace, email, roles, readString(in), readString(in), readString(in), readString(in),
                readString(in), readInstant(in), readInstant(in), readInstant(in));
        return new Stored(clientName, agent);
    }

    private static void writeNullable(DataOutput out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static void writeNullable(DataOutput out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    private static String readString(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static Instant readInstant(DataInput in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }
}
