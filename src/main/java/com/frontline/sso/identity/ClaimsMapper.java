package com.frontline.sso.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.config.Workspace;
import com.frontline.sso.error.SsoError;
import com.frontline.sso.error.SsoRejection;

/**
 * The single place where SAML claims become the agent, by the rules of the user's workspace. Email from the
 * configured attribute or the standard claim URI (or an email-format NameID, as Google sends it); roles from
 * the configured attribute, the Microsoft role claim or groups, whether sent as one multi-valued Attribute or
 * as repeated Attributes, plus the application roles the role map grants; a display name when the IdP sends one.
 */
@ApplicationScoped
public class ClaimsMapper {

    static final String EMAIL_NAME_ID_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
    private static final List<String> NAME_ATTRIBUTES = List.of("name", "displayName", "displayname",
            "http://schemas.microsoft.com/identity/claims/displayname", "cn");
    private static final List<String[]> GIVEN_AND_FAMILY = List.of(
            new String[] {"givenName", "sn"},
            new String[] {"firstName", "lastName"},
            new String[] {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
                    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"});

    private SessionLimits limits;
    private Clock clock;

    protected ClaimsMapper() {
        // for CDI's client proxy
    }

    @Inject
    public ClaimsMapper(SsoSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public ClaimsMapper(SsoSettings settings, Clock clock) {
        this.limits = new SessionLimits(settings.maxSession());
        this.clock = clock;
    }

    public Agent toAgent(Workspace workspace, Claims claims) {
        var now = clock.instant();
        return new Agent(
                workspace.id(),
                email(workspace, claims),
                roles(workspace, claims),
                displayName(claims).orElse(null),
                claims.nameId(),
                claims.nameIdFormat(),
                claims.issuer(),
                claims.sessionIndex().orElse(null),
                claims.authnInstant() != null ? claims.authnInstant() : now,
                now,
                limits.expiry(now, claims.sessionNotOnOrAfter()));
    }

    private static String email(Workspace workspace, Claims claims) {
        Optional<String> fromAttribute = workspace.emailAttributeNames().stream()
                .flatMap(name -> claims.values(name).stream())
                .map(String::trim)
                .filter(value -> !value.isEmpty())
                .findFirst();
        Optional<String> email = fromAttribute.or(() -> EMAIL_NAME_ID_FORMAT.equals(claims.nameIdFormat())
                ? Optional.ofNullable(claims.nameId()) : Optional.empty());
        String value = email.orElseThrow(() -> new SsoRejection(SsoError.MISSING_EMAIL,
                "no '" + workspace.emailAttribute() + "' attribute (nor the emailaddress claim or an email NameID) for "
                        + claims.nameId()));
        if (!looksLikeEmail(value)) {
            throw new SsoRejection(SsoError.MISSING_EMAIL, "the email claim '" + value + "' is not an email address");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static boolean looksLikeEmail(String value) {
        int at = value.indexOf('@');
        return at > 0 && at == value.lastIndexOf('@') && at < value.length() - 1
                && value.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    /** The IdP's role and group values, plus every application role that {@code sso.role-map.*} grants for them. */
    private static List<String> roles(Workspace workspace, Claims claims) {
        Set<String> roles = new LinkedHashSet<>();
        for (String name : workspace.rolesAttributeNames()) {
            claims.values(name).stream().map(String::trim).filter(role -> !role.isEmpty()).forEach(roles::add);
        }
        Set<String> granted = new LinkedHashSet<>();
        workspace.roleMap().forEach((appRole, idpValues) -> {
            if (idpValues.stream().anyMatch(roles::contains)) {
                granted.add(appRole);
            }
        });
        roles.addAll(granted);
        return new ArrayList<>(roles);
    }

    private static Optional<String> displayName(Claims claims) {
        for (String name : NAME_ATTRIBUTES) {
            Optional<String> value = first(claims, name);
            if (value.isPresent()) {
                return value;
            }
        }
        for (String[] pair : GIVEN_AND_FAMILY) {
            Optional<String> given = first(claims, pair[0]);
            Optional<String> family = first(claims, pair[1]);
            if (given.isPresent() || family.isPresent()) {
                return Optional.of((given.orElse("") + " " + family.orElse("")).trim());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> first(Claims claims, String name) {
        return claims.values(name).stream().map(String::trim).filter(value -> !value.isEmpty()).findFirst();
    }
}
