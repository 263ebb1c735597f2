import { WS_CLAIMS } from '../../idp/claim-uris';
import { presetsFor } from './preset';

export const IMAGEKIT_PRESETS = presetsFor('imagekit', { profile: 'imagekit', idpConfig: { method: 'metadata-xml', metadataXml: 'app' }, flow: 'idp-initiated', user: 'adele.vance@contoso.com' }, [
  { code: 'SSO_NOT_CONFIGURED', at: 'sp', title: 'The Metadata XML was never uploaded to ImageKit (or was deleted)', fault: (d) => void (d.s.vendor.idpConfig = null) },
  { code: 'FIRST_LOGIN_IDP_INITIATED', at: 'sp', title: "A user's first login starts from ImageKit's SSO page instead of My Apps", fault: (d) => void (d.s.flow.kind = 'sp-initiated') },
  {
    code: 'INVALID_EMAIL',
    at: 'sp',
    title: 'Unique User Identifier is user.objectid instead of user.mail',
    fault: (d) => void (d.s.app.claims.nameId = { source: { kind: 'attribute', attribute: 'user.objectid' }, format: 'default' }),
  },
  { code: 'MISSING_ATTRIBUTE', at: 'sp', title: 'The imagekit_role claim kept the default namespace', fault: (d) => void (d.claim('imagekit_role').namespace = WS_CLAIMS) },
  {
    code: 'INVALID_ROLE',
    at: 'sp',
    title: 'department is "Developer"; imagekit_role values are case-sensitive',
    fault: (d) => void (d.s.flow.attributeSet = { name: 'Role in the wrong case', values: { 'user.department': ['Developer'] } }),
  },
  { code: 'ACCOUNT_MISMATCH', at: 'sp', title: "imagekit_id carries another ImageKit account's ID", fault: (d) => void (d.settings.imagekitId = 'contoso-emea') },
  { code: 'SAML_INVALID', at: 'sp', title: 'Signing option "Sign SAML response" leaves the assertion unsigned', fault: (d) => void (d.s.app.signing.option = 'response') },
]);
