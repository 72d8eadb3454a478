package com.frontline.sso.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.frontline.sso.testsupport.SsoStack.Idp;

/**
 * The IdPs of an {@link SsoStack} and which SP (workspace) each serves: Keycloak when a workspace uses
 * it (its realm is made for that workspace's SP), SimpleSAMLphp when one or more use it.
 */
final class SsoStackIdps implements AutoCloseable {

    /** The workspace key of an app without workspaces. */
    private static final String SINGLE = "";

    private final Map<String, ServiceProvider> serviceProviders;
    private final Map<String, Idp> bindings;
    private KeycloakServer keycloak;
    private SimpleSamlPhpServer simpleSamlPhp;

    private SsoStackIdps(Map<String, ServiceProvider> serviceProviders, Map<String, Idp> bindings) {
        this.serviceProviders = serviceProviders;
        this.bindings = bindings;
    }

    /**
     * Starts the IdPs that {@code bindings} (workspace ID, or {@code ""} for an app without workspaces,
     * to IdP) need, for the app at {@code appBaseUrl}.
     */
    static SsoStackIdps start(String appBaseUrl, Map<String, Idp> bindings, int keycloakPort, Path workDir) {
        Map<String, ServiceProvider> serviceProviders = new LinkedHashMap<>();
        bindings.keySet().forEach(id -> serviceProviders.put(id, id.isEmpty()
                ? ServiceProvider.single(appBaseUrl) : ServiceProvider.workspace(appBaseUrl, id)));
        List<ServiceProvider> keycloakClients = bindings.entrySet().stream()
                .filter(binding -> binding.getValue() == Idp.KEYCLOAK)
                .map(binding -> serviceProviders.get(binding.getKey()))
                .toList();
        if (keycloakClients.size() > 1) {
            throw new IllegalArgumentException("the Keycloak realm has one SAML client: only one workspace can use Keycloak");
        }
        SsoStackIdps idps = new SsoStackIdps(serviceProviders, bindings);
        try {
            if (bindings.containsValue(Idp.SIMPLESAMLPHP)) {
                idps.simpleSamlPhp = SimpleSamlPhpServer.start(FreePorts.pick(), workDir);
            }
            if (!keycloakClients.isEmpty()) {
                idps.keycloak = KeycloakServer.start(keycloakPort != 0 ? keycloakPort : FreePorts.pick(),
                        keycloakClients.get(0), workDir);
            }
            return idps;
        } catch (RuntimeException e) {
            idps.close();
            throw e;
        }
    }

    ServiceProvider serviceProvider(String workspace) {
        return Optional.ofNullable(serviceProviders.get(key(workspace)))
                .orElseThrow(() -> new IllegalArgumentException("the stack has no workspace " + workspace));
    }

    /** The metadata URL of the IdP of {@code workspace} ({@code null}: the app without workspaces). */
    URI metadataUrl(String workspace) {
        return switch (idp(workspace)) {
            case KEYCLOAK -> keycloak.idpMetadataUrl();
            case SIMPLESAMLPHP -> simpleSamlPhp.idpMetadataUrl();
        };
    }

    Optional<KeycloakServer> keycloak() {
        return Optional.ofNullable(keycloak);
    }

    Optional<SimpleSamlPhpServer> simpleSamlPhp() {
        return Optional.ofNullable(simpleSamlPhp);
    }

    /** Gives each IdP the signing certificate of its SP, read from the running app's SP metadata. */
    void registerServiceProviders() {
        serviceProviders.forEach((id, sp) -> {
            ServiceProviderMetadata metadata = ServiceProviderMetadata.fetch(URI.create(sp.metadataUrl()));
            if (!metadata.entityId().equals(sp.entityId())) {
                throw new IllegalStateException("the app's SP entity ID is " + metadata.entityId() + " but the IdP was set up for "
                        + sp.entityId());
            }
            switch (bindings.get(id)) {
                case KEYCLOAK -> keycloak.admin().setClientSigningCertificate(KeycloakServer.REALM, sp.entityId(),
                        metadata.signingCertificate());
                case SIMPLESAMLPHP -> simpleSamlPhp.registerServiceProvider(sp, metadata.signingCertificate());
            }
        });
    }

    /** Stops Keycloak and SimpleSAMLphp by PID. */
    @Override
    public void close() {
        try {
            if (keycloak != null) {
                keycloak.close();
            }
        } finally {
            if (simpleSamlPhp != null) {
                simpleSamlPhp.close();
            }
        }
    }

    private Idp idp(String workspace) {
        return Optional.ofNullable(bindings.get(key(workspace)))
                .orElseThrow(() -> new IllegalArgumentException("the stack has no workspace " + workspace));
    }

    private static String key(String workspace) {
        return workspace == null ? SINGLE : workspace;
    }
}
