package com.frontline.sso.testsupport;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A private SimpleSAMLphp configuration directory ({@code SIMPLESAMLPHP_CONFIG_DIR}) made from the
 * templates in {@code server-config/simplesamlphp}: config, users, the hosted IdP with a key pair
 * generated for this run, and one JSON file per registered SP, which {@code saml20-sp-remote.php}
 * reads on every request.
 */
final class SimpleSamlPhpConfig {

    private static final String POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    private static final String REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    private static final List<String> TEMPLATES = List.of("config/config.php", "config/authsources.php",
            "metadata/saml20-idp-hosted.php", "metadata/saml20-sp-remote.php");

    private final Path home;

    private SimpleSamlPhpConfig(Path home) {
        this.home = home;
    }

    /** Writes the configuration of the IdP at {@code baseUrl} (e.g. {@code http://127.0.0.1:8280}) into {@code home}. */
    static SimpleSamlPhpConfig write(Path home, String baseUrl) {
        Map<String, String> values = Map.of(
                "FRONTLINE_SSP_BASE_URL", baseUrl + "/simplesaml/",
                "FRONTLINE_SSP_ENTITY_ID", metadataUrl(baseUrl).toString(),
                "FRONTLINE_SSP_HOME", home.toString(),
                "FRONTLINE_SSP_SECRET_SALT", UUID.randomUUID().toString());
        Path templates = TestEnvironment.simpleSamlPhpTemplates();
        for (String file : TEMPLATES) {
            Templates.fill(templates.resolve(file), values, home.resolve(file));
        }
        for (String dir : List.of("log", "data", "tmp", "sessions", "metadata/sp-remote")) {
            Dirs.create(home.resolve(dir));
        }
        PemKeyPair.write(home.resolve("cert/idp.key"), home.resolve("cert/idp.crt"), "SimpleSAMLphp test IdP " + baseUrl);
        return new SimpleSamlPhpConfig(home);
    }

    /** The IdP's metadata URL, which SimpleSAMLphp also uses as its entity ID. */
    static URI metadataUrl(String baseUrl) {
        return URI.create(baseUrl + "/simplesaml/saml2/idp/metadata.php");
    }

    Path configDir() {
        return home.resolve("config");
    }

    /** Writes {@code sp}'s JSON: entity ID, ACS (HTTP-POST), SLO (HTTP-Redirect and POST), signing certificate. */
    void registerServiceProvider(ServiceProvider sp, String signingCertificate) {
        String json = Json.createObjectBuilder()
                .add("entityid", sp.entityId())
                .add("AssertionConsumerService", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("Binding", POST_BINDING).add("Location", sp.acsUrl())))
                .add("SingleLogoutService", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("Binding", REDIRECT_BINDING).add("Location", sp.sloUrl()))
                        .add(Json.createObjectBuilder().add("Binding", POST_BINDING).add("Location", sp.sloUrl())))
                .add("certData", signingCertificate)
                .build().toString();
        Path dir = home.resolve("metadata").resolve("sp-remote");
        String name = UUID.nameUUIDFromBytes(sp.entityId().getBytes(StandardCharsets.UTF_8)).toString();
        try {
            // Written aside and moved, so a request never reads half a file.
            Path partial = Files.writeString(dir.resolve(name + ".partial"), json, StandardCharsets.UTF_8);
            Files.move(partial, dir.resolve(name + ".json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
