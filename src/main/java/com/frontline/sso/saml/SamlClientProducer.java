package com.frontline.sso.saml;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.saml.bootstrap.EarlySpStart;

/** Makes the started SAML clients injectable (the web setup, the metadata endpoint); see {@link EarlySpStart}. */
@ApplicationScoped
public class SamlClientProducer {

    @Produces
    @Singleton
    SamlClients clients(SsoSettings settings) {
        return EarlySpStart.clientsFor(settings);
    }

    void close(@Disposes SamlClients clients) {
        clients.destroy();
    }
}
