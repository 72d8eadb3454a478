<?php
/*
 * SimpleSAMLphp 1.19 (Debian package) as the second real IdP of the end-to-end tests.
 *
 * A template: the harness (SimpleSamlPhpServer) copies it into a private directory, fills in the
 * FRONTLINE_SSP_* placeholders and points SIMPLESAMLPHP_CONFIG_DIR at that copy, so nothing under
 * /etc/simplesamlphp or /var/lib/simplesamlphp is read or written. It runs under `php -S` on
 * 127.0.0.1 with plain http.
 */
$config = [
    'baseurlpath' => '${FRONTLINE_SSP_BASE_URL}',
    'certdir' => '${FRONTLINE_SSP_HOME}/cert/',
    'loggingdir' => '${FRONTLINE_SSP_HOME}/log/',
    'datadir' => '${FRONTLINE_SSP_HOME}/data/',
    'tempdir' => '${FRONTLINE_SSP_HOME}/tmp',
    'metadatadir' => '${FRONTLINE_SSP_HOME}/metadata/',

    'secretsalt' => '${FRONTLINE_SSP_SECRET_SALT}',
    'auth.adminpassword' => '${FRONTLINE_SSP_SECRET_SALT}',
    'admin.protectindexpage' => true,
    'admin.protectmetadata' => false,
    'admin.checkforupdates' => false,
    'technicalcontact_name' => 'Frontline tests',
    'technicalcontact_email' => 'na@example.invalid',
    'timezone' => 'UTC',
    'trusted.url.domains' => [],
    'enable.http_post' => false,
    'assertion.allowed_clock_skew' => 180,

    'debug' => ['saml' => false, 'backtraces' => true, 'validatexml' => false],
    'showerrors' => true,
    'errorreporting' => false,
    'production' => false,

    // To the php -S output, which the harness writes to simplesamlphp.log.
    'logging.level' => SimpleSAML\Logger::INFO,
    'logging.handler' => 'stderr',
    'logging.processname' => 'simplesamlphp',
    'statistics.out' => [],

    'enable.saml20-idp' => true,
    'enable.shib13-idp' => false,
    'enable.adfs-idp' => false,
    'module.enable' => [
        'exampleauth' => true,
        'core' => true,
        'saml' => true,
    ],

    /*
     * Debian's config uses SameSite=None without Secure, which Chromium drops over http (and the IdP
     * then loses its session between the AuthnRequest and the login form). Every request that needs
     * the IdP's session is a top-level navigation or a same-site POST, so Lax is enough.
     */
    'session.duration' => 8 * 60 * 60,
    'session.datastore.timeout' => 4 * 60 * 60,
    'session.state.timeout' => 60 * 60,
    'session.cookie.name' => 'SimpleSAMLSessionID',
    'session.cookie.lifetime' => 0,
    'session.cookie.path' => '/',
    'session.cookie.domain' => null,
    'session.cookie.secure' => false,
    'session.cookie.samesite' => 'Lax',
    'session.phpsession.cookiename' => 'SimpleSAML',
    'session.phpsession.savepath' => '${FRONTLINE_SSP_HOME}/sessions',
    'session.phpsession.httponly' => true,
    'session.authtoken.cookiename' => 'SimpleSAMLAuthToken',
    'session.rememberme.enable' => false,
    'store.type' => 'phpsession',

    'language.available' => ['en'],
    'language.default' => 'en',
    'language.cookie.secure' => false,
    'language.cookie.samesite' => 'Lax',

    'theme.use' => 'default',
    'template.auto_reload' => false,

    'metadata.sources' => [
        ['type' => 'flatfile'],
    ],
    'metadata.sign.enable' => false,
];
