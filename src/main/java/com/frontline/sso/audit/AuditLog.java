package com.frontline.sso.audit;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail: logins, refusals and logouts, one JSON line each, on the logger {@code frontline.audit}
 * (route it to its own file in the server's logging configuration). Refusals are WARNING, the rest INFO.
 */
public final class AuditLog {

    public static final String LOGGER_NAME = "frontline.audit";
    private static final Logger LOG = Logger.getLogger(LOGGER_NAME);

    private AuditLog() {
    }

    public static void info(AuditEvent event) {
        LOG.log(Level.INFO, event.toJson());
    }

    public static void warning(AuditEvent event) {
        LOG.log(Level.WARNING, event.toJson());
    }
}
