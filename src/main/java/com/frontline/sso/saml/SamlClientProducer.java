package com.frontline.sso.saml;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.frontline.sso.config.SsoSettings;

/** Makes the initialised SAML client injectable (the web setup, the metadata endpoint). */
@ApplicationScoped
public class SamlClientProducer {

    @Produces
    @Singleton
    FrontlineSaml2Client client(SsoSettings settings) {
        return SamlClientFactory.create(settings, SharedReplayCache.open(), OutstandingRequests.open());
    }

    void close(@Disposes FrontlineSaml2Client client) {
        client.destroy();
    }
}
