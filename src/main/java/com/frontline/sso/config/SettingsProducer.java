package com.frontline.sso.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

/** Makes the validated settings injectable; read once, when first needed at startup. */
@ApplicationScoped
public class SettingsProducer {

    @Produces
    @Singleton
    SsoSettings settings() {
        return SettingsLoader.load(ConfigProvider.getConfig());
    }
}
