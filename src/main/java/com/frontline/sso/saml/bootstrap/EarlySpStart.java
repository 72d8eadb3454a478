package com.frontline.sso.saml.bootstrap;

import java.util.logging.Logger;

import org.eclipse.microprofile.config.Config;

import com.frontline.sso.config.SettingsLoader;
import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.startup.ListenerWarmUp;
import com.frontline.sso.saml.SamlClients;

/**
 * The SP's own start (settings, keys, IdP metadata, every workspace's SAML client, the warm-up; and, on its own
 * thread, the warm-up request through the server's listener, see {@link ListenerWarmUp}) takes about a second.
 * {@link #begin} runs it on a background thread from the CDI container's start, so it overlaps the
 * server's CDI and JAX-RS set-up instead of following it; {@link #clientsFor} hands its clients to the CDI
 * producer only when they were built from the settings the deployment reads, and otherwise builds them there
 * (see {@link SpeculativeStart}): a bad setting still stops the deployment with the same message.
 */
public final class EarlySpStart {

    private static final Logger LOG = Logger.getLogger(EarlySpStart.class.getName());

    private static SpeculativeStart<SsoSettings, SamlClients> start = SpeculativeStart.none(EarlySpStart::build);

    private EarlySpStart() {
    }

    /** Begins the SP's start from {@code config} (resolved on the deploying thread, where it names the application). */
    public static synchronized void begin(Config config) {
        start = SpeculativeStart.begin(() -> SettingsLoader.load(config), EarlySpStart::build, EarlySpStart::discard,
                "frontline-sso-early-start");
    }

    /** The started SAML clients for {@code settings}: the early ones when they match, else built now. */
    public static synchronized SamlClients clientsFor(SsoSettings settings) {
        SamlClients clients = start.valueFor(settings);
        start = SpeculativeStart.none(EarlySpStart::build); // a redeployment starts afresh
        return clients;
    }

    /** Worth an administrator's notice: a first start also wrote its generated SP key where those settings said. */
    private static void discard(SamlClients clients) {
        LOG.info("frontline-sso: the settings read when the CDI container started differ from the deployment's "
                + "(a configuration source the server adds later?); the SP was started again with the deployment's");
        clients.destroy();
    }

    private static SamlClients build(SsoSettings settings) {
        ListenerWarmUp.begin(settings.listenerWarmUp());
        SamlClients clients = SamlClients.create(settings);
        clients.warmUp();
        return clients;
    }
}
