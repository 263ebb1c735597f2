import { GenericSpDefinition } from '../../vendors/generic/profile';
import { presetsFor } from './preset';

/**
 * A generic SP as an integrator defines one: SP-initiated only, NameID an email, a department it checks. Named as
 * the workspace names its generic SP, so Reproduce and the rest of the UI call one thing by one name.
 */
export const EXAMPLE_GENERIC = GenericSpDefinition.parse({
  id: 'acme-analytics',
  displayName: 'Generic SAML SP',
  entityId: 'urn:acme:analytics',
  acsUrl: 'https://analytics.acme.test/sso/acs',
  loginUrl: 'https://analytics.acme.test/sso/login',
  flows: { spInitiated: true, idpInitiated: false, logout: false },
  nameIdMustBeEmail: true,
  attributes: [
    { name: 'department', required: true, accepted: ['developer', 'finance', 'operations'], source: 'user.department' },
    { name: 'employee_id', required: false, source: 'user.employeeid' },
  ],
});

export const GENERIC_PRESETS = presetsFor(
  'generic',
  { profile: 'generic', definition: EXAMPLE_GENERIC, idpConfig: { method: 'metadata-xml', metadataXml: 'app' }, flow: 'sp-initiated', user: 'adele.vance@contoso.com' },
  [
    { code: 'SSO_NOT_CONFIGURED', at: 'sp', title: 'The SP was never given the IdP configuration', fault: (d) => void (d.s.vendor.idpConfig = null) },
    { code: 'SAML_CHECK_FAILED', at: 'sp', title: 'An IdP-initiated login to an SP that accepts SP-initiated only', fault: (d) => void (d.s.flow.kind = 'idp-initiated') },
    {
      code: 'NAMEID_NOT_EMAIL',
      at: 'sp',
      title: 'The NameID is the object ID, not an email',
      fault: (d) => void (d.s.app.claims.nameId = { source: { kind: 'attribute', attribute: 'user.objectid' }, format: 'persistent' }),
    },
    { code: 'ATTRIBUTE_MISSING', at: 'sp', title: 'The department claim is missing', fault: (d) => d.removeClaim('department') },
    { code: 'ATTRIBUTE_NOT_ACCEPTED', at: 'sp', title: 'department is "Developer"; the SP accepts "developer"', fault: (d) => d.signInAs('diego.siciliani@contoso.com') },
    { code: 'USER_NOT_FOUND', at: 'sp', title: 'A login-only SP and a user it has no account for', fault: (d) => void (d.s.vendor.definition = { ...EXAMPLE_GENERIC, provisioning: 'login-only' }) },
  ],
);
