package com.frontline.sso.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.NameIDType;

import com.frontline.sso.identity.Agent;
import com.frontline.sso.identity.AgentProfile;
import com.frontline.sso.testsupport.saml.ResponseForge;
import com.frontline.sso.testsupport.saml.Saml;
import com.frontline.sso.testsupport.saml.TestIdp;

/**
 * Claim mapping per IdP: responses shaped the way each product sends them (what it signs, how it names and
 * formats claims, its NameID), through the full validation and mapping path. Each IdP signs in an agent and a
 * colleague without the agent role. The Issuer stays {@link TestIdp#ENTITY_ID} for every product, because the
 * test IdP's metadata (src/test/resources/test-idp/metadata.xml) fixes it; a real Okta or Entra issuer would
 * be refused as invalid_issuer.
 */
class IdpShapesTest {

    private static final String XMLSOAP_CLAIMS = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/";
    private static final String MS_CLAIMS = "http://schemas.microsoft.com/ws/2008/06/identity/claims/";
    private static final String ENTRA_DISPLAY_NAME = "http://schemas.microsoft.com/identity/claims/displayname";
    private static final String ENTRA_TENANT = "http://schemas.microsoft.com/identity/claims/tenantid";
    private static final String TENANT_ID = "7d1c3f5e-0a4b-4c2d-9e8f-112233445566";
    private static final String AGENTS_GROUP_ID = "5f8d9c3e-2b1a-4c7d-9e6f-1a2b3c4d5e6f";
    private static final String ALL_STAFF_GROUP_ID = "0c9b8a7d-6e5f-4a3b-8c2d-ffeeddccbbaa";
    private static final String MAIL_OID = "urn:oid:0.9.2342.19200300.100.1.3";
    private static final String DISPLAY_NAME_OID = "urn:oid:2.16.840.1.113730.3.1.241";
    private static final String AFFILIATION_OID = "urn:oid:1.3.6.1.4.1.5923.1.1.1.1";

    @TempDir
    Path dataDir;

    @Test
    void okta() {
        InProcessAcs acs = InProcessAcs.withTestIdp(dataDir, Map.of("sso.role-map.agent", "Frontline Agents"));
        Agent alice = signIn(acs, forge -> okta(forge, "alice@example.com", "Alice", "Archer", "Everyone", "Frontline Agents"));
        assertAgent(alice, "alice@example.com", "Alice Archer", "Everyone", "Frontline Agents", "agent");
        Agent bob = signIn(acs, forge -> okta(forge, "bob@example.com", "Bob", "Baker", "Everyone", "Supervisors"));
        assertNotAgent(bob, "bob@example.com", "Bob Baker", "Everyone", "Supervisors");
    }

    /** Okta signs response and assertion; attribute statements have NameFormat unspecified; groups go to one multi-valued attribute. */
    private static ResponseForge okta(ResponseForge forge, String email, String first, String last, String... groups) {
        return forge.signResponse(true).signAssertion(true)
                .issuerFormat(NameIDType.ENTITY)
                .nameId(email, NameIDType.EMAIL)
                .withoutAttributes()
                .attributeNameFormat(Attribute.UNSPECIFIED)
                .attribute("email", email)
                .attribute("firstName", first)
                .attribute("lastName", last)
                .attribute("roles", groups);
    }

    @Test
    void microsoftEntraId() {
        InProcessAcs acs = InProcessAcs.withTestIdp(dataDir, Map.of("sso.role-map.agent", AGENTS_GROUP_ID));
        Agent alice = signIn(acs, forge -> entra(forge, "Alice.Archer@Example.com", "Alice", "Archer",
                List.of("supervisor"), List.of(ALL_STAFF_GROUP_ID, AGENTS_GROUP_ID)));
        assertAgent(alice, "alice.archer@example.com", "Archer, Alice", "supervisor", ALL_STAFF_GROUP_ID, AGENTS_GROUP_ID, "agent");
        Agent carol = signIn(acs, forge -> entra(forge, "carol@example.com", "Carol", "Chen", List.of("agent"), List.of()));
        assertAgent(carol, "carol@example.com", "Chen, Carol", "agent");
        Agent bob = signIn(acs, forge -> entra(forge, "bob@example.com", "Bob", "Baker", List.of(), List.of(ALL_STAFF_GROUP_ID)));
        assertNotAgent(bob, "bob@example.com", "Baker, Bob", ALL_STAFF_GROUP_ID);
    }

    /**
     * Entra ID signs only the assertion, sends an opaque persistent NameID, claims named by URI without NameFormat
     * or xsi:type, the UPN as the name claim, app roles in the role claim and group object IDs in the groups
     * claim. Its Issuer would be https://sts.windows.net/{tenant}/.
     */
    private static ResponseForge entra(ResponseForge forge, String mail, String given, String surname,
                                       List<String> appRoles, List<String> groupIds) {
        ResponseForge shaped = forge.signResponse(false).signAssertion(true)
                .nameId("Zk9vQmFyQmF6LW9wYXF1ZS0" + given, NameIDType.PERSISTENT)
                .withoutAttributes()
                .attributeNameFormat(null)
                .attributeValueType(null)
                .attribute(ENTRA_TENANT, TENANT_ID)
                .attribute(XMLSOAP_CLAIMS + "emailaddress", mail)
                .attribute(XMLSOAP_CLAIMS + "name", given.toLowerCase(Locale.ROOT) + "@frontline.onmicrosoft.com")
                .attribute(XMLSOAP_CLAIMS + "givenname", given)
                .attribute(XMLSOAP_CLAIMS + "surname", surname)
                .attribute(ENTRA_DISPLAY_NAME, surname + ", " + given);
        // Entra leaves a claim out when the user has no app role or group.
        withValues(shaped, MS_CLAIMS + "role", appRoles);
        return withValues(shaped, MS_CLAIMS + "groups", groupIds);
    }

    @Test
    void googleWorkspace() {
        InProcessAcs acs = InProcessAcs.withTestIdp(dataDir, Map.of());
        Agent alice = signIn(acs, forge -> google(forge, "alice@example.com", "Alice", "Archer", "agent", "all-staff"));
        assertAgent(alice, "alice@example.com", "Alice Archer", "agent", "all-staff");
        Agent bob = signIn(acs, forge -> google(forge, "bob@example.com", "Bob", "Baker", "all-staff"));
        assertNotAgent(bob, "bob@example.com", "Bob Baker", "all-staff");
    }

    /** Google signs only the response; the email is nothing but the NameID; values are typed xs:anyType; no NameFormat. */
    private static ResponseForge google(ResponseForge forge, String email, String first, String last, String... groups) {
        return forge.signResponse(true).signAssertion(false)
                .nameId(email, NameIDType.EMAIL)
                .withoutAttributes()
                .attributeNameFormat(null)
                .attributeValueType(XSAny.TYPE_NAME)
                .attribute("firstName", first)
                .attribute("lastName", last)
                .attribute("roles", groups);
    }

    @Test
    void adfs() {
        InProcessAcs acs = InProcessAcs.withTestIdp(dataDir, Map.of("sso.role-map.agent", "Frontline Agents"));
        Agent alice = signIn(acs, forge -> adfs(forge, "alice@example.com", "Alice", "Archer", "Domain Users", "Frontline Agents"));
        assertAgent(alice, "alice@example.com", "Alice Archer", "Domain Users", "Frontline Agents", "agent");
        Agent bob = signIn(acs, forge -> adfs(forge, "bob@example.com", "Bob", "Baker", "Domain Users", "Help Desk"));
        assertNotAgent(bob, "bob@example.com", "Bob Baker", "Domain Users", "Help Desk");
    }

    /**
     * ADFS as the README configures it: LDAP claims sent as {@code email} and {@code roles} (one Attribute element
     * per group), given name and surname as the claim URIs, NameFormat uri, untyped values, only the assertion
     * signed, and the email transformed into the NameID.
     */
    private static ResponseForge adfs(ResponseForge forge, String email, String given, String surname, String... groups) {
        return forge.signResponse(false).signAssertion(true)
                .nameId(email, NameIDType.EMAIL)
                .withoutAttributes()
                .repeatedAttributes()
                .attributeNameFormat(Attribute.URI_REFERENCE)
                .attributeValueType(null)
                .attribute("email", email)
                .attribute(XMLSOAP_CLAIMS + "givenname", given)
                .attribute(XMLSOAP_CLAIMS + "surname", surname)
                .attribute("roles", groups);
    }

    @Test
    void oneLogin() {
        InProcessAcs acs = InProcessAcs.withTestIdp(dataDir, Map.of());
        Agent alice = signIn(acs, forge -> oneLogin(forge, "alice@example.com", "Alice Archer", "Default", "agent"));
        assertAgent(alice, "alice@example.com", "Alice Archer", "Default", "agent");
        Agent bob = signIn(acs, forge -> oneLogin(forge, "bob@example.com", "Bob Baker", "Default"));
        assertNotAgent(bob, "bob@example.com", "Bob Baker", "Default");
    }

    /** OneLogin with signature element "Both": parameters with NameFormat basic, User Roles as one multi-valued attribute. */
    private static ResponseForge oneLogin(ResponseForge forge, String email, String name, String... roles) {
        return forge.signResponse(true).signAssertion(true)
                .nameId(email, NameIDType.EMAIL)
                .withoutAttributes()
                .attributeNameFormat(Attribute.BASIC)
                .attribute("email", email)
                .attribute("name", name)
                .attribute("roles", roles);
    }

    @Test
    void keycloak() {
        InProcessAcs acs = InProcessAcs.withTestIdp(dataDir, Map.of());
        Agent alice = signIn(acs, forge -> keycloak(forge, "alice@example.com", "Alice Archer", "agent"));
        assertAgent(alice, "alice@example.com", "Alice Archer", "default-roles-frontline", "offline_access", "uma_authorization", "agent");
        Agent bob = signIn(acs, forge -> keycloak(forge, "bob@example.com", "Bob Baker", "supervisor"));
        assertNotAgent(bob, "bob@example.com", "Bob Baker", "default-roles-frontline", "offline_access", "uma_authorization", "supervisor");
    }

    /**
     * Keycloak as server-config/keycloak/frontline-realm.json sets it up: both signed, email NameID, basic
     * attributes, and the role list mapper's single {@code roles} attribute, which includes the realm's default roles.
     */
    private static ResponseForge keycloak(ResponseForge forge, String email, String fullName, String role) {
        return forge.signResponse(true).signAssertion(true)
                .nameId(email, NameIDType.EMAIL)
                .withoutAttributes()
                .attribute("email", email)
                .attribute("name", fullName)
                .attribute("roles", "default-roles-frontline", "offline_access", "uma_authorization", role);
    }

    @Test
    void simpleSamlPhp() {
        InProcessAcs acs = InProcessAcs.withTestIdp(dataDir, Map.of(
                "sso.attribute.email", "mail",
                "sso.attribute.roles", "eduPersonAffiliation",
                "sso.role-map.agent", "staff"));
        Agent alice = signIn(acs, forge -> simpleSamlPhp(forge, "alice@example.com", "Alice Archer", "member", "staff"));
        assertAgent(alice, "alice@example.com", "Alice Archer", "member", "staff", "agent");
        Agent bob = signIn(acs, forge -> simpleSamlPhp(forge, "bob@example.com", "Bob Baker", "member", "student"));
        assertNotAgent(bob, "bob@example.com", "Bob Baker", "member", "student");
    }

    /**
     * SimpleSAMLphp with the name2oid attribute map: attributes named by OID with NameFormat uri and the LDAP name
     * as FriendlyName, a transient NameID, Issuer of entity format, response and assertion signed.
     */
    private static ResponseForge simpleSamlPhp(ResponseForge forge, String mail, String displayName, String... affiliations) {
        return forge.signResponse(true).signAssertion(true)
                .issuerFormat(NameIDType.ENTITY)
                .nameId(Saml.newId(), NameIDType.TRANSIENT)
                .withoutAttributes()
                .attributeNameFormat(Attribute.URI_REFERENCE)
                .friendlyName(MAIL_OID, "mail")
                .friendlyName(DISPLAY_NAME_OID, "displayName")
                .friendlyName(AFFILIATION_OID, "eduPersonAffiliation")
                .attribute(MAIL_OID, mail)
                .attribute(DISPLAY_NAME_OID, displayName)
                .attribute(AFFILIATION_OID, affiliations);
    }

    @Test
    void missingEmailInEveryFormIsRefused() {
        InProcessAcs acs = InProcessAcs.withTestIdp(dataDir, Map.of());
        assertEquals("missing_email", post(acs, forge -> forge.withoutAttribute("email")
                .nameId("Zk9vQmFyQmF6", NameIDType.PERSISTENT)).code(), "no email attribute, claim or email NameID");
        assertEquals("missing_email", post(acs, forge -> forge.attribute("email", " ")
                .attribute(XMLSOAP_CLAIMS + "emailaddress", "")
                .nameId("Zk9vQmFyQmF6", NameIDType.PERSISTENT)).code(), "blank email attribute and claim");
        assertEquals("missing_email", post(acs, forge -> forge.withoutAttribute("email")
                .nameId("alice@example.com", NameIDType.UNSPECIFIED)).code(), "an email-like NameID of another format is no email");
        assertEquals("missing_email", post(acs, forge -> forge.attribute("email", "alice")
                .nameId("alice", NameIDType.UNSPECIFIED)).code(), "an email attribute that is not an address");
    }

    private static ResponseForge withValues(ResponseForge forge, String name, List<String> values) {
        return values.isEmpty() ? forge : forge.attribute(name, values.toArray(String[]::new));
    }

    /** Posts a response answering a fresh request of this SP, shaped as given and signed as the shape says. */
    private static InProcessAcs.Outcome post(InProcessAcs acs, UnaryOperator<ResponseForge> shape) {
        ResponseForge forge = TestIdp.trusted().response(acs.settings().primary().spEntityId(), acs.settings().primary().acsUrl())
                .inResponseTo(acs.issueRequest("/"));
        return acs.post(shape.apply(forge).sign().base64());
    }

    private static Agent signIn(InProcessAcs acs, UnaryOperator<ResponseForge> shape) {
        InProcessAcs.Outcome outcome = post(acs, shape);
        assertEquals("accepted", outcome.code(), () -> "refused: " + outcome.rejection().orElseThrow().detail());
        AgentProfile profile = outcome.profile().orElseThrow();
        // The pac4j profile's roles drive the role authorizer; they must be the agent's.
        assertEquals(Set.copyOf(profile.agent().roles()), profile.getRoles());
        return profile.agent();
    }

    private static void assertAgent(Agent agent, String email, String name, String... roles) {
        assertEquals(email, agent.email());
        assertEquals(List.of(roles), agent.roles());
        assertEquals(name, agent.name());
        assertEquals(TestIdp.ENTITY_ID, agent.idp());
    }

    private static void assertNotAgent(Agent agent, String email, String name, String... roles) {
        assertAgent(agent, email, name, roles);
        assertFalse(agent.hasRole("agent"), () -> agent.email() + " must not become an agent: " + agent.roles());
    }
}
