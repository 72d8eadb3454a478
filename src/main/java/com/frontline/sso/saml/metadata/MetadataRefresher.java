package com.frontline.sso.saml.metadata;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import com.frontline.sso.saml.SamlClients;

/**
 * Refreshes every URL-based IdP metadata document on its schedule (sso.idp.metadata-refresh, shortened by
 * the document's cacheDuration or validUntil), in the background, never on a login.
 */
public final class MetadataRefresher {

    private final ScheduledExecutorService executor;
    private volatile boolean stopped;

    public MetadataRefresher(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    public void start(SamlClients clients) {
        clients.metadata().stream().filter(IdpMetadata::refreshable).forEach(this::schedule);
    }

    public void stop() {
        stopped = true;
    }

    private void schedule(IdpMetadata metadata) {
        if (stopped) {
            return;
        }
        executor.schedule(() -> {
            if (!stopped) {
                metadata.refresh();
                schedule(metadata);
            }
        }, metadata.nextRefreshDelay().toMillis(), TimeUnit.MILLISECONDS);
    }
}
