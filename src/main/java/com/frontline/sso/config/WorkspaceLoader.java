package com.frontline.sso.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

/**
 * Reads the workspaces: {@code sso.workspaces=acme,globex} with {@code sso.workspace.acme.*} settings, each
 * falling back to the global {@code sso.*} value; without {@code sso.workspaces}, the single default
 * workspace from the global settings alone.
 */
final class WorkspaceLoader {

    static final Setting WORKSPACES = new Setting("sso.workspaces");
    private static final Pattern WORKSPACE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final String ROLE_MAP = "role-map.";

    private final Config config;
    private final SettingsReader reader;
    private final URI baseUrl;

    WorkspaceLoader(Config config, SettingsReader reader, URI baseUrl) {
        this.config = config;
        this.reader = reader;
        this.baseUrl = baseUrl;
    }

    List<Workspace> load() {
        Optional<String> listed = reader.optional(WORKSPACES);
        if (listed.isEmpty()) {
            return List.of(workspace(Workspace.DEFAULT_ID));
        }
        List<Workspace> workspaces = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String id : listed.get().split(",")) {
            String trimmed = id.trim().toLowerCase(Locale.ROOT);
            if (!WORKSPACE_ID.matcher(trimmed).matches() || Workspace.DEFAULT_ID.equals(trimmed)) {
                reader.problem(WORKSPACES, "lists '" + id.trim() + "'; a workspace ID is 1-32 lowercase letters, digits or '-', "
                        + "and not 'default'");
            } else if (seen.add(trimmed)) {
                workspaces.add(workspace(trimmed));
            }
        }
        return workspaces;
    }

    private Workspace workspace(String id) {
        Scope scope = new Scope(id);
        boolean isDefault = Workspace.DEFAULT_ID.equals(id);
        String acsPath = isDefault ? SsoSettings.ACS_PATH : SsoSettings.ACS_PATH + "/" + id;
        String metadataPath = isDefault ? SsoSettings.METADATA_PATH : SsoSettings.METADATA_PATH + "/" + id;
        String landing = scope.text("idp-initiated.landing", "/");
        if (!RelativeTarget.isSafe(landing)) {
            reader.problem(scope.setting("idp-initiated.landing"), "must be a path of this application starting with '/', was '"
                    + landing + "'");
        }
        return new Workspace(
                id,
                scope.text("sp.entity-id", baseUrl + metadataPath),
                baseUrl + acsPath,
                baseUrl + metadataPath,
                idpSource(scope),
                scope.duration("idp.metadata-refresh", Duration.ofHours(1)),
                scope.optional("idp.metadata-signing-cert"),
                scope.text("attribute.email", "email"),
                scope.text("attribute.roles", "roles"),
                scope.text("role.required", "agent"),
                roleMap(id),
                scope.flag("idp-initiated.enabled", false),
                landing,
                scope.flag("require-signed-assertions", false),
                scope.flag("allow-sha1", false),
                scope.optional("email-domains").map(WorkspaceLoader::list).orElse(List.of()));
    }

    private IdpSource idpSource(Scope scope) {
        Optional<String> metadata = scope.optional("idp.metadata");
        Optional<String> entityId = scope.optional("idp.entity-id");
        Optional<String> ssoUrl = scope.optional("idp.sso-url");
        Optional<String> certificate = scope.optional("idp.certificate");
        if (metadata.isPresent()) {
            return IdpSource.metadata(metadata.get());
        }
        if (entityId.isPresent() && ssoUrl.isPresent() && certificate.isPresent()) {
            return IdpSource.manual(entityId.get(), ssoUrl.get(), certificate.get());
        }
        reader.problem(scope.setting("idp.metadata"), "is required but not set. Set it to the IdP's metadata URL (https://...) "
                + "or to the path of its metadata XML file, or instead set all three of " + scope.setting("idp.entity-id") + ", "
                + scope.setting("idp.sso-url") + " and " + scope.setting("idp.certificate") + ".");
        return IdpSource.metadata("");
    }

    /**
     * {@code sso.role-map.agent=Frontline Agents,frontline-agent}: IdP role or group values that grant an
     * application role. Also read in environment form ({@code SSO_ROLE_MAP_AGENT}).
     */
    private Map<String, Set<String>> roleMap(String id) {
        Map<String, Set<String>> map = new LinkedHashMap<>();
        List<String> prefixes = new ArrayList<>(List.of("sso." + ROLE_MAP));
        if (!Workspace.DEFAULT_ID.equals(id)) {
            prefixes.add("sso.workspace." + id + "." + ROLE_MAP);
        }
        for (String name : config.getPropertyNames()) {
            for (String prefix : prefixes) {
                Optional<String> role = roleName(name, prefix);
                role.ifPresent(appRole -> config.getOptionalValue(name, String.class)
                        .ifPresent(values -> map.put(appRole, new LinkedHashSet<>(list(values)))));
            }
        }
        return map;
    }

    private static Optional<String> roleName(String property, String prefix) {
        if (property.startsWith(prefix) && property.length() > prefix.length()) {
            return Optional.of(property.substring(prefix.length()));
        }
        String envPrefix = new Setting(prefix.substring(0, prefix.length() - 1)).env() + "_";
        if (property.startsWith(envPrefix) && property.length() > envPrefix.length()) {
            return Optional.of(property.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return Optional.empty();
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(value -> !value.isEmpty()).toList();
    }

    /** One workspace's view of the settings: its own property first, then the global one. */
    private final class Scope {
        private final String id;

        Scope(String id) {
            this.id = id;
        }

        Setting setting(String suffix) {
            return isDefault() ? global(suffix) : new Setting("sso.workspace." + id + "." + suffix);
        }

        private Setting global(String suffix) {
            return new Setting("sso." + suffix);
        }

        private boolean isDefault() {
            return Workspace.DEFAULT_ID.equals(id);
        }

        Optional<String> optional(String suffix) {
            return isDefault() ? reader.optional(global(suffix))
                    : reader.optional(setting(suffix)).or(() -> reader.optional(global(suffix)));
        }

        String text(String suffix, String defaultValue) {
            return optional(suffix).orElse(defaultValue);
        }

        boolean flag(String suffix, boolean defaultValue) {
            boolean global = reader.flag(global(suffix), defaultValue);
            return isDefault() ? global : reader.flag(setting(suffix), global);
        }

        Duration duration(String suffix, Duration defaultValue) {
            Duration global = reader.duration(global(suffix), defaultValue);
            return isDefault() ? global : reader.duration(setting(suffix), global);
        }
    }
}
