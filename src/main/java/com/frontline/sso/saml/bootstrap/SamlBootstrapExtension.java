package com.frontline.sso.saml.bootstrap;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

import org.eclipse.microprofile.config.ConfigProvider;

import com.frontline.sso.audit.LibraryLogging;

/**
 * The earliest moment the WAR's own code runs during deployment is the CDI container's start: begin OpenSAML's
 * initialisation (when Weld creates this extension) and the SP's start (at its first event) there, in the
 * background, so that they are done (or nearly) when the web setup needs them, and quiet the library loggers
 * before they log anything.
 */
public class SamlBootstrapExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(SamlBootstrapExtension.class.getName());

    /**
     * Weld creates its extensions when it starts, 0.4 s before it fires the first event (measured on the benchmark
     * machine): OpenSAML's initialisation, the longest part of the SP's start, begins here to gain that time.
     */
    public SamlBootstrapExtension() {
        LibraryLogging.apply();
        OpenSamlBootstrap.start();
    }

    void beforeBeanDiscovery(@Observes BeforeBeanDiscovery event) {
        try {
            EarlySpStart.begin(ConfigProvider.getConfig());
        } catch (RuntimeException e) { // no configuration yet: the SP starts later, on the deploying thread
            LOG.log(Level.FINE, "no early SP start", e);
        }
    }
}
