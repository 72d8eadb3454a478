package com.frontline.sso.saml;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.config.Workspace;
import com.frontline.sso.saml.keys.SpKey;
import com.frontline.sso.saml.metadata.IdpMetadata;
import com.frontline.sso.saml.state.SharedSamlState;
import com.frontline.sso.saml.bootstrap.OpenSamlBootstrap;
import com.frontline.sso.saml.bootstrap.StartupWarmUp;

/** The SAML client of every workspace, with its IdP metadata, built at startup in configuration order. */
public final class SamlClients {

    private final Map<String, FrontlineSaml2Client> clients;
    private final Map<String, IdpMetadata> metadata;
    private final SharedSamlState state;

    private SamlClients(Map<String, FrontlineSaml2Client> clients, Map<String, IdpMetadata> metadata, SharedSamlState state) {
        this.clients = clients;
        this.metadata = metadata;
        this.state = state;
    }

    public SharedSamlState state() {
        return state;
    }

    public static SamlClients create(SsoSettings settings) {
        // The shared stores and the SP key need no OpenSAML: they overlap its initialisation.
        SharedSamlState state = SharedSamlState.open(settings);
        SpKey spKey = SpKey.resolve(settings);
        OpenSamlBootstrap.await();
        Map<String, FrontlineSaml2Client> clients = new LinkedHashMap<>();
        Map<String, IdpMetadata> metadata = new LinkedHashMap<>();
        for (Workspace workspace : settings.workspaces()) {
            IdpMetadata idp = IdpMetadata.load(workspace);
            metadata.put(workspace.id(), idp);
            clients.put(workspace.id(), SamlClientFactory.create(settings, spKey, workspace, idp, state));
        }
        return new SamlClients(clients, metadata, state);
    }

    /** Runs the expensive first-time work of each client's login path now (see {@link StartupWarmUp}). */
    public void warmUp() {
        clients.values().forEach(client -> StartupWarmUp.run(client, state));
    }

    public Collection<FrontlineSaml2Client> all() {
        return clients.values();
    }

    public Optional<FrontlineSaml2Client> client(String workspace) {
        return Optional.ofNullable(clients.get(workspace));
    }

    public Collection<IdpMetadata> metadata() {
        return metadata.values();
    }

    /** The pac4j client names, comma-separated, as the security filter lists them. */
    public String names() {
        return String.join(",", clients.keySet());
    }

    public void destroy() {
        clients.values().forEach(FrontlineSaml2Client::destroy);
    }
}
