package com.frontline.sso.testsupport;

import java.util.List;

/** The users server-config/keycloak/frontline-realm.json defines; keep both in step. */
public record RealmUser(String username, String password, String email, String fullName, List<String> roles) {

    /** An agent: may use the console. */
    public static final RealmUser ALICE = new RealmUser("alice", "alice-password", "alice@example.com", "Alice Archer", List.of("agent"));
    /** A supervisor without the agent role: authenticated but not authorized. */
    public static final RealmUser BOB = new RealmUser("bob", "bob-password", "bob@example.com", "Bob Baker", List.of("supervisor"));
    /** Both roles: the multi-valued roles attribute. */
    public static final RealmUser CAROL = new RealmUser("carol", "carol-password", "carol@example.com", "Carol Chen", List.of("agent", "supervisor"));

    public static List<RealmUser> all() {
        return List.of(ALICE, BOB, CAROL);
    }
}
