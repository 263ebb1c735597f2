import { presetsFor } from './preset';

const GROUPS = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups';
/** Hugging Face accounts: everyone in the demo tenant except Diego. */
const ACCOUNTS = ['adele.vance@contoso.com', 'megan.bowen@contoso.com', 'alex.wilber@contoso.com', 'lynne.robbins@contoso.com'];

export const HUGGINGFACE_PRESETS = presetsFor(
  'huggingface',
  {
    profile: 'huggingface',
    params: { org: 'contoso-ml' },
    settings: { accounts: ACCOUNTS, state: 'enabled' },
    idpConfig: { method: 'signon-url-and-certificate', signOnUrl: 'app', certificate: 'app' },
    flow: 'sp-initiated',
    user: 'adele.vance@contoso.com',
  },
  [
    { code: 'SSO_NOT_CONFIGURED', at: 'sp', title: 'No Sign-on URL and certificate were saved on Hugging Face', fault: (d) => void (d.s.vendor.idpConfig = null) },
    {
      code: 'SSO_NOT_ENABLED',
      at: 'sp',
      title: 'A My Apps login before an admin clicked "Enable"',
      fault: (d) => {
        d.settings.state = 'configured';
        d.s.flow.kind = 'idp-initiated';
      },
    },
    {
      code: 'CERTIFICATE_FORMAT',
      at: 'setup',
      title: 'The certificate was pasted without its BEGIN/END lines',
      fault: (d) => void (d.s.vendor.idpConfig = { method: 'signon-url-and-certificate', signOnUrl: 'app', certificate: 'app-without-pem-lines' }),
    },
    {
      code: 'CERTIFICATE_INVALID',
      at: 'setup',
      title: 'The pasted certificate is not a certificate',
      fault: (d) => void (d.s.vendor.idpConfig = { method: 'signon-url-and-certificate', signOnUrl: 'app', certificate: '-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----' }),
    },
    {
      code: 'SIGN_ON_URL_INVALID',
      at: 'setup',
      title: 'The Sign-on URL was entered with http://',
      fault: (d) => void (d.s.vendor.idpConfig = { method: 'signon-url-and-certificate', signOnUrl: 'http://login.microsoftonline.com/common/saml2', certificate: 'app' }),
    },
    {
      code: 'ROLE_MAPPING_NO_ADMIN',
      at: 'setup',
      title: 'A role mapping that gives nobody the admin role',
      fault: (d) => void d.s.vendor.actions.push({ action: 'save-role-mapping', input: { attribute: GROUPS, mappings: [{ value: 'Marketing', role: 'write' }] } }),
    },
    {
      code: 'NOT_TESTED',
      at: 'setup',
      title: '"Enable" clicked before the configuration was tested',
      fault: (d) => {
        d.settings.state = 'configured';
        d.s.vendor.actions.push({ action: 'enable' });
      },
    },
    { code: 'SAML_SIGNATURE_REQUIRED', at: 'sp', title: 'Signing option left at Entra\'s default "Sign SAML assertion"', fault: (d) => void (d.s.app.signing.option = 'assertion') },
    { code: 'SAML_VALIDATION_FAILED', at: 'sp', title: 'The certificate rolled over in Entra but not on Hugging Face', fault: (d) => void (d.s.app.signing.certificate = 'rolled-over') },
    {
      code: 'NO_EMAIL',
      at: 'sp',
      title: 'Neither the NameID nor any claim carries an email',
      fault: (d) => {
        d.s.app.claims.nameId = { source: { kind: 'attribute', attribute: 'user.objectid' }, format: 'persistent' };
        d.s.app.claims.attributes = [];
      },
    },
    { code: 'NO_HF_ACCOUNT', at: 'sp', title: 'The user has no Hugging Face account (SSO does not create accounts)', fault: (d) => d.signInAs('diego.siciliani@contoso.com') },
  ],
);
