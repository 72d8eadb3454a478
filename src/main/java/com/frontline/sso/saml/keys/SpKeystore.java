package com.frontline.sso.saml.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import com.frontline.sso.config.SsoSettings;

/**
 * The SP's signing key: the administrator's PKCS12 keystore, or one generated at first startup into the data
 * directory and reused afterwards so the SP metadata (and the certificate registered at the IdP) stays stable.
 * Generated files are readable by their owner only; the key never exists as a plain PEM, and its keystore's password
 * is random ({@link RandomPasswordPkcs12}).
 */
public record SpKeystore(Path path, String password, Optional<String> alias) {

    private static final Logger LOG = Logger.getLogger(SpKeystore.class.getName());
    private static final String FILE = "sp-signing.p12";
    private static final String PASSWORD_FILE = "sp-signing.p12.password";
    private static final String ALIAS = "frontline-sp";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    public static SpKeystore resolve(SsoSettings settings) {
        return settings.keystore()
                .map(configured -> new SpKeystore(configured.path(), configured.password(), configured.alias()))
                .orElseGet(() -> generatedIn(settings.dataDir(), settings.baseUrl().toString()));
    }

    static SpKeystore generatedIn(Path dataDir, String entityId) {
        Path keystore = dataDir.resolve(FILE);
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        try {
            OwnerOnlyFiles.createDirectory(dataDir);
            if (!Files.exists(keystore)) {
                generate(keystore, passwordFile, entityId);
            }
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
            return new SpKeystore(keystore, password, Optional.of(ALIAS));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create or read the SP signing key in " + dataDir
                    + " (sso.data-dir / SSO_DATA_DIR must be a writable directory): " + e.getMessage(), e);
        }
    }

    private static void generate(Path keystore, Path passwordFile, String entityId)
            throws IOException, GeneralSecurityException {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] store = RandomPasswordPkcs12.write(ALIAS, pair.getPrivate(), SelfSignedCertificate.create(pair, entityId, VALIDITY),
                password.toCharArray());
        OwnerOnlyFiles.write(passwordFile, out -> out.write(password.getBytes(StandardCharsets.UTF_8)));
        OwnerOnlyFiles.write(keystore, out -> out.write(store));
        LOG.info(() -> "Generated the SP signing key " + keystore + " (register the new SP metadata at the IdP)");
    }

    @Override
    public String toString() {
        return "SpKeystore[path=" + path + ", alias=" + alias + "]";
    }

    /** Files and directories created readable by the owner only, written atomically. */
    static final class OwnerOnlyFiles {

        interface Writer {
            void write(OutputStream out) throws IOException;
        }

        private OwnerOnlyFiles() {
        }

        static void createDirectory(Path dir) throws IOException {
            if (Files.isDirectory(dir)) {
                return;
            }
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
        }

        static void write(Path target, Writer writer) throws IOException {
            Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
            try {
                restrict(temp, "rw-------");
                try (OutputStream out = Files.newOutputStream(temp)) {
                    writer.write(out);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        }

        private static void restrict(Path path, String permissions) throws IOException {
            if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
            }
        }
    }
}
