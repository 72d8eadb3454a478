<?php
/*
 * The service providers: one JSON file per SP in sp-remote/, written by the harness once the app
 * has started and published its signing certificate (SimpleSAMLphp reads this file on every
 * request, so a registration needs no restart). Each file holds the facts from the SP's metadata:
 * entityid, AssertionConsumerService, SingleLogoutService and certData.
 */
foreach (glob(__DIR__ . '/sp-remote/*.json') ?: [] as $file) {
    $sp = json_decode(file_get_contents($file), true, 16, JSON_THROW_ON_ERROR);
    $metadata[$sp['entityid']] = $sp + [
        'validate.authnrequest' => true,
        'validate.logout' => true,
        'redirect.validate' => true,
        'saml20.sign.response' => true,
        'saml20.sign.assertion' => true,
        'signature.algorithm' => 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
        'NameIDFormat' => 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        'simplesaml.nameidattribute' => 'email',
        'attributes.NameFormat' => 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
    ];
}
