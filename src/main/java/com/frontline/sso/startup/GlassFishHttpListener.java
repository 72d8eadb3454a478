package com.frontline.sso.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The plain-HTTP listener of a Payara Micro or Payara Server instance, read from the configuration it runs on
 * ({@code <instance root>/config/domain.xml}, the GlassFish layout both keep): the first enabled network listener
 * of the instance's config whose protocol is not TLS, other than the admin listener. Its port may be a
 * {@code ${NAME}} property, resolved from the instance's and the config's system properties, then the JVM's.
 */
final class GlassFishHttpListener {

    static final String INSTANCE_ROOT = "com.sun.aas.instanceRoot";
    static final String INSTANCE_NAME = "com.sun.aas.instanceName";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final String ANY_ADDRESS = "0.0.0.0";

    /** Where the listener accepts connections. */
    record Address(String host, int port) {

        /** {@code host:port} as a URL writes it: an IPv6 address in brackets. */
        String authority() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private GlassFishHttpListener() {
    }

    /** The listener of the server this JVM runs, if it is one of the GlassFish family. */
    static Optional<Address> ofThisServer() {
        String root = System.getProperty(INSTANCE_ROOT);
        if (root == null) {
            return Optional.empty();
        }
        return in(Path.of(root, "config", "domain.xml"), System.getProperty(INSTANCE_NAME, "server"), System::getProperty);
    }

    /** The listener that {@code domainXml} gives the instance {@code instanceName}; {@code jvmProperties} resolves what the file does not. */
    static Optional<Address> in(Path domainXml, String instanceName, UnaryOperator<String> jvmProperties) {
        if (!Files.isReadable(domainXml)) {
            return Optional.empty();
        }
        try {
            return in(parse(domainXml), instanceName, jvmProperties);
        } catch (IOException | SAXException | ParserConfigurationException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Address> in(Document domain, String instanceName, UnaryOperator<String> jvmProperties) {
        Optional<Element> server = named(domain.getDocumentElement(), "server", instanceName);
        String configName = server.map(element -> element.getAttribute("config-ref")).filter(name -> !name.isEmpty())
                .orElse("server-config");
        Optional<Element> config = named(domain.getDocumentElement(), "config", configName);
        if (config.isEmpty()) {
            return Optional.empty();
        }
        UnaryOperator<String> properties = name -> systemProperty(server, name)
                .or(() -> systemProperty(config, name)).orElseGet(() -> jvmProperties.apply(name));
        for (Element listener : elements(config.get(), "network-listener")) {
            if (isPlainHttp(listener, config.get())) {
                Optional<String> host = resolve(listener.getAttribute("address"), properties)
                        .map(GlassFishHttpListener::hostOf);
                Optional<String> port = resolve(listener.getAttribute("port"), properties);
                return host.flatMap(address -> port.map(number -> new Address(address, Integer.parseInt(number))));
            }
        }
        return Optional.empty();
    }

    private static boolean isPlainHttp(Element listener, Element config) {
        if ("false".equals(listener.getAttribute("enabled")) || "admin-listener".equals(listener.getAttribute("name"))) {
            return false;
        }
        return named(config, "protocol", listener.getAttribute("protocol"))
                .map(protocol -> !"true".equals(protocol.getAttribute("security-enabled")))
                .orElse(false);
    }

    /** A listener on every interface is reached on loopback; one on a given address, there. */
    private static String hostOf(String address) {
        return address.isEmpty() || ANY_ADDRESS.equals(address) || "::".equals(address) ? "127.0.0.1" : address;
    }

    /** {@code value} with its {@code ${NAME}} properties replaced; empty when one of them is defined nowhere. */
    private static Optional<String> resolve(String value, UnaryOperator<String> properties) {
        Matcher property = PROPERTY.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (property.find()) {
            String found = properties.apply(property.group(1));
            if (found == null) {
                return Optional.empty();
            }
            property.appendReplacement(resolved, Matcher.quoteReplacement(found));
        }
        return Optional.of(property.appendTail(resolved).toString());
    }

    private static Optional<String> systemProperty(Optional<Element> owner, String name) {
        return owner.flatMap(element -> childrenNamed(element, "system-property").stream()
                .filter(property -> name.equals(property.getAttribute("name")))
                .map(property -> property.getAttribute("value"))
                .findFirst());
    }

    private static Optional<Element> named(Element scope, String tag, String name) {
        return elements(scope, tag).stream().filter(element -> name.equals(element.getAttribute("name"))).findFirst();
    }

    private static List<Element> elements(Element scope, String tag) {
        NodeList nodes = scope.getElementsByTagName(tag);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    private static List<Element> childrenNamed(Element parent, String tag) {
        return elements(parent, tag).stream().filter(element -> element.getParentNode() == parent).toList();
    }

    private static Document parse(Path file) throws IOException, SAXException, ParserConfigurationException {
        // The JDK's own parser (not one the server or the WAR adds), with no DTDs or external entities.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler()); // raise, without printing to the server's console
        return builder.parse(file.toFile());
    }
}
