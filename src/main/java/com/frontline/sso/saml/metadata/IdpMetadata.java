package com.frontline.sso.saml.metadata;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import com.frontline.sso.config.InvalidSettingsException;
import com.frontline.sso.config.Workspace;
import com.frontline.sso.saml.AlgorithmPolicy;
import org.springframework.core.io.Resource;

/**
 * One workspace's IdP metadata: loaded at startup (a problem stops the deployment naming the setting) and,
 * when it comes from a URL, refreshed on an interval. A failed or invalid refresh keeps the last good copy
 * and is logged.
 */
public final class IdpMetadata {

    private static final Logger LOG = Logger.getLogger(IdpMetadata.class.getName());
    private static final String METADATA_FIX = "Fix: point it to the IdP's SAML metadata (a URL reachable from this server, "
            + "or a readable file), or give the IdP's issuer, SSO URL and certificate.";

    private final Workspace workspace;
    private final Optional<X509Certificate> signingCertificate;
    private final AlgorithmPolicy algorithms;
    private final RefreshableMetadataResource resource;
    private volatile MetadataDocument current;
    private volatile Instant lastRefresh = Instant.now();

    private IdpMetadata(Workspace workspace, Optional<X509Certificate> signingCertificate, MetadataDocument first) {
        this.workspace = workspace;
        this.signingCertificate = signingCertificate;
        this.algorithms = new AlgorithmPolicy(workspace.allowSha1());
        this.current = first;
        this.resource = new RefreshableMetadataResource(first.bytes(), "IdP metadata of workspace " + workspace.id());
    }

    public static IdpMetadata load(Workspace workspace) {
        Optional<X509Certificate> signingCertificate = signingCertificate(workspace);
        try {
            byte[] bytes = workspace.idp().manual().isPresent()
                    ? ManualIdpMetadata.toXml(workspace.idp().manual().get())
                    : MetadataFetcher.fetch(workspace.idp().metadataLocation().orElseThrow());
            return new IdpMetadata(workspace, signingCertificate,
                    MetadataDocument.parse(bytes, signingCertificate, new AlgorithmPolicy(workspace.allowSha1())));
        } catch (MetadataProblem e) {
            throw invalid(workspace, workspace.idp().manual().isPresent() ? "idp.certificate" : "idp.metadata",
                    "(" + workspace.idp().describe() + ") could not be used: " + e.getMessage() + ". " + METADATA_FIX
                            + signingCertificate.map(certificate -> " Its signature must verify with "
                                    + workspace.setting("idp.metadata-signing-cert").label() + ".").orElse(""));
        }
    }

    /** The metadata pac4j reads: the last good copy, replaced in place by a refresh. */
    public Resource resource() {
        return resource;
    }

    public String entityId() {
        return current.entityId();
    }

    public boolean refreshable() {
        return workspace.idp().remote();
    }

    /** How long to wait before the next refresh. */
    public Duration nextRefreshDelay() {
        return current.refreshAfter(workspace.metadataRefresh());
    }

    /** Fetches the metadata again; a good new copy replaces the current one, anything else is logged and ignored. */
    public boolean refresh() {
        String location = workspace.idp().metadataLocation().orElseThrow();
        try {
            MetadataDocument fresh = MetadataDocument.parse(MetadataFetcher.fetch(location), signingCertificate, algorithms);
            if (!fresh.entityId().equals(current.entityId())) {
                throw new MetadataProblem("it now describes " + fresh.entityId() + " instead of " + current.entityId());
            }
            current = fresh;
            lastRefresh = Instant.now();
            resource.replace(fresh.bytes());
            LOG.fine(() -> "Refreshed IdP metadata of workspace " + workspace.id() + " from " + location);
            return true;
        } catch (MetadataProblem | RuntimeException e) {
            LOG.warning(() -> "IdP metadata refresh for workspace " + workspace.id() + " from " + location
                    + " failed; keeping the copy from " + lastRefresh + ": " + e.getMessage());
            return false;
        }
    }

    private static Optional<X509Certificate> signingCertificate(Workspace workspace) {
        if (workspace.metadataSigningCertificate().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ManualIdpMetadata.Certificates.parse(workspace.metadataSigningCertificate().get()));
        } catch (MetadataProblem e) {
            // Not the metadata fix: this setting holds a certificate, and its value may be a whole PEM block.
            throw invalid(workspace, "idp.metadata-signing-cert", e.getMessage() + ". Fix: give the certificate the "
                    + "IdP's metadata is signed with, as PEM text, base64 DER or the path of a certificate file.");
        }
    }

    private static InvalidSettingsException invalid(Workspace workspace, String suffix, String problemAndFix) {
        return new InvalidSettingsException(List.of(workspace.setting(suffix).label() + " " + problemAndFix));
    }
}
