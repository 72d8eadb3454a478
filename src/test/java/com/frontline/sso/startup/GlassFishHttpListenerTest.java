package com.frontline.sso.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.frontline.sso.startup.GlassFishHttpListener.Address;

class GlassFishHttpListenerTest {

    private static Path resource(String name) {
        try {
            return Path.of(GlassFishHttpListenerTest.class.getResource("/startup/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Address> listener(String file, String instance, Map<String, String> jvmProperties) {
        return GlassFishHttpListener.in(resource(file), instance, jvmProperties::get);
    }

    @Test
    void payaraMicroListensWhereItsConfigurationSays() {
        // the domain.xml Payara Micro 6.2025.10 wrote for --port 18183 with the listener bound to 127.0.0.1
        assertEquals(Optional.of(new Address("127.0.0.1", 18183)), listener("payara-micro-domain.xml", "server", Map.of()));
    }

    @Test
    void payaraServerSkipsTheAdminAndTheTlsListener() {
        assertEquals(Optional.of(new Address("127.0.0.1", 8080)), listener("payara-server-domain.xml", "server", Map.of()));
    }

    @Test
    void anInstancesOwnPropertyWinsOverItsConfigsAndTheListenerOnEveryInterfaceIsReachedOnLoopback() {
        assertEquals(Optional.of(new Address("127.0.0.1", 28081)),
                listener("payara-server-domain.xml", "instance-1", Map.of("HTTP_LISTENER_PORT", "38080")));
    }

    @Test
    void aPortPropertyNobodyDefinesMeansNoListener(@TempDir Path dir) throws IOException {
        String xml = Files.readString(resource("payara-server-domain.xml"))
                .replace("<system-property name=\"HTTP_LISTENER_PORT\" value=\"28081\"></system-property>", "")
                .replace("<system-property name=\"HTTP_LISTENER_PORT\" value=\"28080\"></system-property>", "");
        Path domain = Files.writeString(dir.resolve("domain.xml"), xml);

        assertEquals(Optional.empty(), GlassFishHttpListener.in(domain, "instance-1", name -> null));
        assertEquals(Optional.of(new Address("127.0.0.1", 38080)),
                GlassFishHttpListener.in(domain, "instance-1", Map.of("HTTP_LISTENER_PORT", "38080")::get));
    }

    @Test
    void aMissingOrUnreadableConfigurationMeansNoListener(@TempDir Path dir) throws IOException {
        assertTrue(GlassFishHttpListener.in(dir.resolve("domain.xml"), "server", name -> null).isEmpty());
        Path broken = Files.writeString(dir.resolve("broken.xml"), "<domain><configs><config name=\"server-config\">");
        assertTrue(GlassFishHttpListener.in(broken, "server", name -> null).isEmpty());
        Path withDoctype = Files.writeString(dir.resolve("doctype.xml"),
                "<!DOCTYPE domain [<!ENTITY port \"8080\">]><domain/>");
        assertTrue(GlassFishHttpListener.in(withDoctype, "server", name -> null).isEmpty());
    }

    @Test
    void anIpv6ListenerAddressIsWrittenInBrackets() {
        assertEquals("[::1]:8080", new Address("::1", 8080).authority());
        assertEquals("127.0.0.1:8080", new Address("127.0.0.1", 8080).authority());
    }
}
