<?php
// SimpleSAMLphp's authsources.php: one SP. Its metadata, to upload into the enterprise app (or give to
// `saml-harness apps add --metadata`), is served at /simplesaml/module.php/saml/sp/metadata.php/default-sp.
$config = [
    'admin' => ['core:AdminPassword'],
    'default-sp' => [
        'saml:SP',
        'entityID' => 'http://127.0.0.1:${SP_PORT}/simplesaml/module.php/saml/sp/metadata.php/default-sp',
        // No fixed 'idp': Entra's LogoutResponse comes from https://login.microsoftonline.com/{tenant}/, a second
        // entry in saml20-idp-remote.php, which a fixed 'idp' would refuse ("isn't a valid IdP for this SP").
        // The page names the IdP to sign in with: requireAuth(['saml:idp' => 'https://sts.windows.net/{tenant}/']).
        'idp' => null,
    ],
];
