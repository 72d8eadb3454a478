package com.frontline.sso.audit;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Quiets library loggers at startup. pac4j logs every login at INFO with the NameID and all attributes (personal
 * data in the server log), its response validator logs a stack trace at ERROR for every refused message,
 * Santuario one to three WARNING lines for every altered signature or signature by another key, and OpenSAML one
 * ERROR line for every message that is not XML or not SAML: log volume an attacker controls. The audit log already
 * records each login and refusal with its reason; a broken IdP metadata document is reported by the SP itself,
 * naming the setting. The logger objects are kept so their levels are not lost to garbage collection.
 *
 * <p>pac4j's validators log under the name of their runtime class ({@code LoggerFactory.getLogger(getClass())}), so
 * the response validator is quieted by the name of the class that extends it (RefusalLogTest fails if it changes).
 */
public final class LibraryLogging {

    private static final List<Logger> QUIETED = List.of(
            quiet("org.pac4j", Level.WARNING),
            quiet("com.frontline.sso.saml.StrictResponseValidator", Level.OFF),
            quiet("org.apache.xml.security.signature", Level.SEVERE),
            quiet("net.shibboleth.utilities.java.support.xml.BasicParserPool", Level.OFF),
            quiet("org.opensaml.core.xml.util.XMLObjectSupport", Level.OFF));

    private LibraryLogging() {
    }

    /** Applies the levels (class initialisation does the work; calling makes it happen at startup). */
    public static int apply() {
        return QUIETED.size();
    }

    private static Logger quiet(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }
}
