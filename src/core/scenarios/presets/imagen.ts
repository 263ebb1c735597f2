import { MAIL_OID } from '../../vendors/imagen/profile';
import { presetsFor } from './preset';

export const IMAGEN_PRESETS = presetsFor(
  'imagen',
  { profile: 'imagen', params: { subdomain: 'contoso' }, idpConfig: { method: 'sent-to-support', metadataXml: 'app' }, flow: 'sp-initiated', user: 'adele.vance@contoso.com' },
  [
    { code: 'ACSPARAMS', at: 'sp', title: 'The ACS is reached without a SAMLResponse (a bookmark, a refresh)', fault: (d) => void (d.s.flow.kind = 'acs-without-response') },
    { code: 'METADATANOTFOUND', at: 'sp', title: 'Imagen support has not applied the Federation Metadata XML yet', fault: (d) => void (d.s.vendor.supportApplied = false) },
    {
      code: 'NOSTATE',
      at: 'sp',
      title: 'Sign on URL left empty in Entra, so My Apps posts an unsolicited response',
      fault: (d) => {
        delete d.s.app.saml.signOnUrl;
        d.s.flow.kind = 'idp-initiated';
      },
    },
    { code: 'PROCESSASSERTION', at: 'sp', title: 'Signing option "Sign SAML response" leaves the assertion unsigned', fault: (d) => void (d.s.app.signing.option = 'response') },
    { code: 'RESPONSESTATUSNOSUCCESS', at: 'sp', title: 'A passive check without an Entra session gets an error status back', fault: (d) => void (d.s.flow.passive = true) },
    { code: 'IMAGEN_ATTRIBUTES', at: 'sp', title: `The mail attribute (${MAIL_OID}) is missing`, fault: (d) => d.removeClaim(MAIL_OID) },
    { code: 'IMAGEN_NO_USER', at: 'sp', title: 'Just-in-time provisioning is off and the user is unknown to Imagen', fault: (d) => void (d.settings.jitProvisioning = false) },
  ],
);
