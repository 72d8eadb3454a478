package com.frontline.sso.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpKeystoreTest {

    @TempDir
    Path temp;

    @Test
    void generatedKeyIsOwnerOnlyAndReusedAfterRestart() throws Exception {
        Path dataDir = temp.resolve("data");
        SpKeystore first = SpKeystore.generatedIn(dataDir, "https://agents.example.com/saml/metadata");
        byte[] keystore = Files.readAllBytes(first.path());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.path())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("sp-signing.p12.password"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));

        SpKeystore second = SpKeystore.generatedIn(dataDir, "https://agents.example.com/saml/metadata");
        assertEquals(first.password(), second.password());
        assertTrue(java.util.Arrays.equals(keystore, Files.readAllBytes(second.path())), "the key is not regenerated");
        try (var files = Files.list(dataDir)) {
            assertTrue(files.noneMatch(file -> file.toString().endsWith(".pem")), "no plain PEM key is written");
        }
    }
}
