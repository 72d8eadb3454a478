package com.frontline.sso.saml;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * The earliest moment the WAR's own code runs during deployment is the CDI container's start: begin OpenSAML's
 * initialisation there, in the background, so that it is done (or nearly) when the web setup needs it.
 */
public class SamlBootstrapExtension implements Extension {

    void beforeBeanDiscovery(@Observes BeforeBeanDiscovery event) {
        OpenSamlBootstrap.start();
    }
}
