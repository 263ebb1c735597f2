<?php
// SimpleSAMLphp's config.php: Debian's, with these settings after it (the test appends them to a copy).
$config['baseurlpath'] = 'http://127.0.0.1:${SP_PORT}/simplesaml/';
$config['metadatadir'] = '${DIR}/ssp-metadata/';
$config['secretsalt'] = '${SALT}';
$config['logging.handler'] = 'errorlog';
$config['tempdir'] = '${DIR}/ssp-tmp';
$config['store.type'] = 'phpsession';
// Debian's config marks the session cookie Secure, which SimpleSAMLphp refuses on plain http ("Setting secure
// cookie on plain HTTP is not allowed"): off here, on again when the SP is served over https.
$config['session.cookie.secure'] = false;
// Debian's config asks for SameSite=None, which a browser drops without Secure: the response then finds no
// session ("Could not load state specified by InResponseTo") and the sign-in loops. Lax holds on loopback, where
// the tenant and the SP are the same site; a real Entra host needs https, Secure and None.
$config['session.cookie.samesite'] = 'Lax';
