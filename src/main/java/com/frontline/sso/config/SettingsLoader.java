package com.frontline.sso.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/** Turns MicroProfile Config values into validated {@link SsoSettings}, or fails naming every bad setting. */
public final class SettingsLoader {

    public static final Setting BASE_URL = new Setting("sso.base-url");
    public static final Setting KEYSTORE_PATH = new Setting("sso.keystore.path");
    public static final Setting KEYSTORE_PASSWORD = new Setting("sso.keystore.password");
    public static final Setting KEYSTORE_ALIAS = new Setting("sso.keystore.alias");
    public static final Setting DATA_DIR = new Setting("sso.data-dir");
    public static final Setting CLOCK_SKEW = new Setting("sso.clock-skew");
    public static final Setting MAX_AUTHENTICATION_AGE = new Setting("sso.max-authentication-age");
    public static final Setting MAX_MESSAGE_BYTES = new Setting("sso.max-message-bytes");
    public static final Setting SESSION_MAX = new Setting("sso.session.max");
    public static final Setting SESSION_IDLE = new Setting("sso.session.idle");
    public static final Setting ENCRYPTION_KEYSTORE_PATH = new Setting("sso.encryption.keystore.path");
    public static final Setting ENCRYPTION_KEYSTORE_PASSWORD = new Setting("sso.encryption.keystore.password");
    public static final Setting ENCRYPTION_KEYSTORE_ALIAS = new Setting("sso.encryption.keystore.alias");
    public static final Setting STARTUP_WARM_UP_URL = new Setting("sso.startup.warm-up-url");

    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    private SettingsLoader() {
    }

    public static SsoSettings load(Config config) {
        SettingsReader reader = new SettingsReader(config);
        URI baseUrl = baseUrl(reader);
        Optional<SsoSettings.KeystoreSetting> keystore = keystore(reader, KEYSTORE_PATH, KEYSTORE_PASSWORD, KEYSTORE_ALIAS,
                "or neither to let the SP generate its key.");
        Path dataDir = Path.of(reader.text(DATA_DIR, Path.of(System.getProperty("user.home"), ".frontline-sso").toString()));
        Duration clockSkew = reader.duration(CLOCK_SKEW, Duration.ofSeconds(60));
        if (clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            reader.problem(CLOCK_SKEW, "is " + clockSkew.toSeconds() + " s; more than " + MAX_CLOCK_SKEW.toSeconds()
                    + " s would accept stale assertions. Synchronise the clocks (NTP) and use a smaller value.");
        }
        SsoSettings settings = new SsoSettings(
                baseUrl,
                keystore,
                dataDir,
                clockSkew,
                reader.duration(MAX_AUTHENTICATION_AGE, Duration.ofHours(8)),
                reader.positiveInt(MAX_MESSAGE_BYTES, 256 * 1024),
                reader.duration(SESSION_MAX, Duration.ofHours(8)),
                reader.duration(SESSION_IDLE, Duration.ofMinutes(30)),
                keystore(reader, ENCRYPTION_KEYSTORE_PATH, ENCRYPTION_KEYSTORE_PASSWORD, ENCRYPTION_KEYSTORE_ALIAS,
                        "or neither if the IdP does not encrypt assertions."),
                listenerWarmUp(reader),
                new WorkspaceLoader(config, reader, baseUrl).load());
        if (!reader.problems().isEmpty()) {
            throw new InvalidSettingsException(reader.problems());
        }
        return settings;
    }

    private static URI baseUrl(SettingsReader reader) {
        String raw = reader.text(BASE_URL, "http://localhost:8080");
        String trimmed = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        try {
            URI uri = new URI(trimmed);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(raw, "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            reader.problem(BASE_URL, "must be the external http(s) URL of the application, such as https://agents.example.com, was '"
                    + raw + "'");
            return URI.create("http://localhost:8080");
        }
    }

    private static ListenerWarmUpSetting listenerWarmUp(SettingsReader reader) {
        Optional<String> raw = reader.optional(STARTUP_WARM_UP_URL);
        if (raw.isEmpty()) {
            return ListenerWarmUpSetting.automatic();
        }
        if ("off".equalsIgnoreCase(raw.get())) {
            return ListenerWarmUpSetting.off();
        }
        Optional<URI> url = LoopbackHttpUrl.parse(raw.get());
        if (url.isEmpty()) {
            reader.problem(STARTUP_WARM_UP_URL, "must be off, or a plain http URL of this server's own HTTP listener on a "
                    + "loopback address (localhost, 127.0.0.1 or [::1]), such as http://127.0.0.1:8080/, was '" + raw.get() + "'");
            return ListenerWarmUpSetting.off();
        }
        return ListenerWarmUpSetting.to(url.get());
    }

    /** A PKCS12 keystore given by path and password (both or neither), with an optional alias. */
    private static Optional<SsoSettings.KeystoreSetting> keystore(SettingsReader reader, Setting pathSetting,
                                                                 Setting passwordSetting, Setting aliasSetting, String neither) {
        Optional<String> path = reader.optional(pathSetting);
        Optional<String> password = reader.optional(passwordSetting);
        if (path.isEmpty() && password.isEmpty()) {
            return Optional.empty();
        }
        if (path.isEmpty()) {
            reader.problem(pathSetting, "is not set although " + passwordSetting.label()
                    + " is. Set both to use a PKCS12 keystore, " + neither);
            return Optional.empty();
        }
        if (password.isEmpty()) {
            reader.problem(passwordSetting, "is not set although " + pathSetting.label() + " is. Set the keystore's password.");
            return Optional.empty();
        }
        Path file = Path.of(path.get());
        if (!Files.isReadable(file)) {
            reader.problem(pathSetting, "points to '" + file + "', which does not exist or is not readable by the server.");
            return Optional.empty();
        }
        return Optional.of(new SsoSettings.KeystoreSetting(file, password.get(), reader.optional(aliasSetting)));
    }
}
