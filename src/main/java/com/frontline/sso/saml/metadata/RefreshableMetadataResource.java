package com.frontline.sso.saml.metadata;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.io.AbstractResource;

/**
 * The current good copy of an IdP's metadata, in memory. pac4j re-reads its IdP metadata when the resource's
 * lastModified() changes, so replacing the document here makes every node pick it up on its next login,
 * without pac4j ever fetching anything on a request.
 */
final class RefreshableMetadataResource extends AbstractResource {

    private static final AtomicLong VERSIONS = new AtomicLong(1);

    private volatile byte[] bytes;
    private volatile long version;
    private final String description;

    RefreshableMetadataResource(byte[] bytes, String description) {
        this.bytes = bytes;
        this.version = VERSIONS.getAndIncrement();
        this.description = description;
    }

    void replace(byte[] newBytes) {
        this.bytes = newBytes;
        this.version = VERSIONS.getAndIncrement();
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public long lastModified() {
        return version;
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public long contentLength() {
        return bytes.length;
    }

    @Override
    public String getDescription() {
        return description;
    }
}
