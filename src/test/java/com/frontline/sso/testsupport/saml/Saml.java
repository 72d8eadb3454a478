package com.frontline.sso.testsupport.saml;

import java.security.SecureRandom;
import java.util.HexFormat;

import javax.xml.namespace.QName;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.w3c.dom.Element;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;

/** Small OpenSAML helpers for building test messages. OpenSAML is bootstrapped through pac4j, like the app does. */
public final class Saml {

    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        // pac4j's Configuration class initialises OpenSAML (parser pool, builders) in its static block.
        org.pac4j.saml.util.Configuration.getParserPool();
    }

    private Saml() {
    }

    @SuppressWarnings("unchecked")
    public static <T extends XMLObject> T build(QName name) {
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(name).buildObject(name);
    }

    public static String newId() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    public static Element marshall(XMLObject object) {
        try {
            return XMLObjectSupport.marshall(object);
        } catch (MarshallingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toXml(Element element) {
        return SerializeSupport.nodeToString(element);
    }

    public static void init() {
        // Touching the class runs the static initialiser.
    }
}
