package com.frontline.sso.saml.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.core.criterion.EntityIdCriterion;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;

import com.frontline.sso.config.SettingsLoader;
import com.frontline.sso.saml.bootstrap.OpenSamlBootstrap;

/** pac4j's credential provider over the SP key read once: KeyInfos for the metadata and for signing carry its certificate. */
class LoadedCredentialProviderTest {

    @TempDir
    static Path dataDir;

    private static BasicX509Credential spKey;

    @BeforeAll
    static void generateKey() {
        OpenSamlBootstrap.await();
        SpKeystore keystore = SpKeystore.generatedIn(dataDir, "http://localhost:8080/");
        spKey = KeystoreCredential.load(keystore.path(), keystore.password(), keystore.alias(), SettingsLoader.DATA_DIR);
    }

    @Test
    void keyInfosAndResolverGiveTheKeyReadOnce() throws Exception {
        LoadedCredentialProvider provider = new LoadedCredentialProvider(spKey);
        // what pac4j's metadata generator and metadata signer ask for
        KeyInfo signing = provider.getKeyInfo();
        KeyInfo encryption = provider.getKeyInfo();
        KeyInfo generated = provider.getKeyInfoGenerator().generate(provider.getCredential());

        assertSame(spKey, provider.getCredential());
        assertSame(spKey, provider.getCredentialResolver().resolveSingle(
                new net.shibboleth.utilities.java.support.resolver.CriteriaSet(new EntityIdCriterion("frontline-sp"))));
        assertNotSame(signing, encryption, "a KeyInfo (an XML object) per use");
        for (KeyInfo keyInfo : List.of(signing, encryption, generated)) {
            assertEquals(List.of(spKey.getEntityCertificate()), KeyInfoSupport.getCertificates(keyInfo));
        }
    }
}
