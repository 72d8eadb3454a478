package com.frontline.sso.saml.state;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.identity.SessionRevocations;

/**
 * The state every workspace's client shares and that a cluster must share too: seen message IDs,
 * outstanding requests, and sessions ended by Single Logout.
 */
public record SharedSamlState(SharedReplayCache replayCache, OutstandingRequests requests, SessionRevocations revocations) {

    public static SharedSamlState open(SsoSettings settings) {
        return new SharedSamlState(SharedReplayCache.open(), OutstandingRequests.open(), SessionRevocations.open(settings.maxSession()));
    }
}
