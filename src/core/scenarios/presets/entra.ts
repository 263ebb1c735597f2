import { DEMO_GENERIC } from '../../demo/demo-workspace';
import { presetsFor, type PresetSpec } from './preset';

const REGEX = (pattern: string, input: { kind: 'constant'; value: string } | { kind: 'attribute'; attribute: 'user.mail' }) => ({
  id: 'regex',
  name: 'regex_claim',
  source: { kind: 'transformation' as const, treatAsMultiValued: false, steps: [{ fn: 'RegexReplace' as const, input, pattern, replacement: 'x', extraInputs: [] }] },
});

/** Every AADSTS code the mock tenant emulates, each from a request or a configuration that has the fault. */
const SPECS: PresetSpec[] = [
  { code: 'AADSTS750054', at: 'entra', title: 'The SP redirects to the Login URL without a SAMLRequest', fault: (d) => void (d.s.flow.authnRequest = { sign: 'none', omit: true }) },
  {
    code: 'AADSTS90107',
    at: 'entra',
    title: 'The SAMLRequest inflates to text that is not XML',
    fault: (d) => void (d.s.flow.authnRequest = { sign: 'none', rawXml: '<samlp:AuthnRequest><oops></samlp:AuthnRequest>' }),
  },
  {
    code: 'AADSTS75005',
    at: 'entra',
    title: 'The SP sends a samlp:Response where an AuthnRequest belongs',
    fault: (d) => void (d.s.flow.authnRequest = { sign: 'none', root: { name: 'samlp:Response', ns: 'urn:oasis:names:tc:SAML:2.0:protocol' } }),
  },
  { code: 'AADSTS90014', at: 'entra', title: 'The AuthnRequest has no Issuer', fault: (d) => void (d.s.flow.authnRequest = { sign: 'none', issuer: null }) },
  {
    code: 'AADSTS7500529',
    at: 'entra',
    title: 'The AuthnRequest ID starts with a digit (a bare hex GUID)',
    fault: (d) => void (d.s.flow.authnRequest = { sign: 'none', id: '6c1c178c166d486687be4aaf5e482730' }),
  },
  {
    code: 'AADSTS900236',
    at: 'entra',
    title: 'The AuthnRequest carries a <Subject> to pre-select the user',
    fault: (d) => void (d.s.flow.authnRequest = { sign: 'none', subject: 'adele.vance@contoso.com' }),
  },
  {
    code: 'AADSTS75016',
    at: 'entra',
    title: 'NameIDPolicy asks for the Kerberos format',
    fault: (d) => void (d.s.flow.authnRequest = { sign: 'none', nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:kerberos' }),
  },
  {
    code: 'AADSTS75003',
    at: 'entra',
    title: 'ProtocolBinding asks for HTTP-Artifact',
    fault: (d) => void (d.s.flow.authnRequest = { sign: 'none', protocolBinding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact' }),
  },
  {
    code: 'AADSTS75008',
    at: 'entra',
    title: "Destination names another tenant's Login URL",
    fault: (d) => void (d.s.flow.authnRequest = { sign: 'none', destination: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/saml2' }),
  },
  { code: 'AADSTS76021', at: 'entra', title: 'The app requires signed requests (verification certificate) and the SP does not sign', fault: (d) => void (d.s.app.requireSignedRequests = true) },
  {
    code: 'AADSTS50006',
    at: 'entra',
    title: 'The request is signed with a key other than the registered verification certificate',
    fault: (d) => {
      d.s.app.requireSignedRequests = true;
      d.s.flow.authnRequest = { sign: 'other-key' };
    },
  },
  {
    code: 'AADSTS76026',
    at: 'entra',
    title: 'The AuthnRequest was issued two hours ago (a cached or replayed request)',
    fault: (d) => void (d.s.flow.authnRequest = { sign: 'none', issueInstantOffsetSeconds: -7200 }),
  },
  { code: 'AADSTS90015', at: 'entra', title: 'The query string is too long (a 20,000-character RelayState)', fault: (d) => void (d.s.flow.authnRequest = { sign: 'none', relayStateLength: 20_000 }) },
  { code: 'AADSTS90002', at: 'entra', title: 'The Login URL names a tenant that does not exist', fault: (d) => void (d.s.flow.authnRequest = { sign: 'none', unknownTenant: true }) },
  {
    code: 'AADSTS700016',
    at: 'entra',
    title: "The SP's entity ID has a trailing slash the Identifier does not have",
    fault: (d) => void (d.s.flow.authnRequest = { sign: 'none', issuer: `${DEMO_GENERIC.entityId}/` }),
  },
  {
    code: 'AADSTS50011',
    at: 'entra',
    title: 'The Reply URL was typed with http:// instead of https://',
    fault: (d) => void (d.s.app.saml.replyUrls = d.s.app.saml.replyUrls.map((r) => ({ ...r, url: r.url.replace('https://', 'http://') }))),
  },
  { code: 'AADSTS7000112', at: 'entra', title: '"Enabled for users to sign-in?" is No', fault: (d) => void (d.s.app.enabled = false) },
  {
    code: 'AADSTS50034',
    at: 'entra',
    title: 'The account (login_hint) does not exist in the tenant',
    fault: (d) => {
      d.signInAs('nobody@contoso.com');
      d.s.flow.authnRequest = { sign: 'none' };
    },
  },
  {
    code: 'AADSTS50020',
    at: 'entra',
    title: 'An account from another identity provider, not a guest of the tenant',
    fault: (d) => {
      d.signInAs('someone@fabrikam.com');
      d.s.flow.authnRequest = { sign: 'none' };
    },
  },
  { code: 'AADSTS50057', at: 'entra', title: 'The user account is disabled', fault: (d) => d.signInAs('nestor.wilke@contoso.com') },
  { code: 'AADSTS53003', at: 'entra', title: 'A Conditional Access policy blocks the user', fault: (d) => d.signInAs('pradeep.gupta@contoso.com') },
  {
    code: 'AADSTS50076',
    at: 'entra',
    title: 'Conditional Access requires MFA and the user has no method to answer the prompt with',
    fault: (d) => {
      d.user('adele.vance@contoso.com').conditionalAccess = 'require-mfa';
      d.s.flow.mfa = 'unavailable';
    },
  },
  {
    code: 'AADSTS500121',
    at: 'entra',
    title: 'Conditional Access requires MFA and the user denies the prompt',
    fault: (d) => {
      d.user('adele.vance@contoso.com').conditionalAccess = 'require-mfa';
      d.s.flow.mfa = 'deny';
    },
  },
  { code: 'AADSTS50058', title: 'IsPassive without an Entra session: an error Response comes back to the SP', fault: (d) => void (d.s.flow.authnRequest = { sign: 'none', isPassive: true }) },
  { code: 'AADSTS75011', at: 'entra', title: "An MFA session against a request for PasswordProtectedTransport (node-saml's default)", fault: (d) => d.signInAs('alex.wilber@contoso.com') },
  { code: 'AADSTS50105', at: 'entra', title: 'The user is not assigned to the app and assignment is required', fault: (d) => void (d.s.app.assignments = []) },
  {
    code: 'AADSTS501241',
    at: 'entra',
    title: 'The Unique User Identifier source (extensionattribute9) is empty for the user',
    fault: (d) => void (d.s.app.claims.nameId = { source: { kind: 'attribute', attribute: 'user.extensionattribute9' }, format: 'emailAddress' }),
  },
  {
    code: 'AADSTS50124',
    at: 'entra',
    title: 'A RegexReplace claim transformation whose pattern does not compile',
    fault: (d) => void d.s.app.claims.attributes.push(REGEX('([a-z', { kind: 'attribute', attribute: 'user.mail' })),
  },
  {
    code: 'AADSTS501621',
    at: 'entra',
    title: 'A RegexReplace claim transformation that backtracks past the time limit',
    fault: (d) => void d.s.app.claims.attributes.push(REGEX('^(a|a)+$', { kind: 'constant', value: `${'a'.repeat(40)}!` })),
  },
  { code: 'AADSTS50003', at: 'entra', title: 'The app has no signing certificate', fault: (d) => void (d.s.app.signing.certificate = 'none') },
  { code: 'AADSTS50146', at: 'entra', title: "The app's only signing certificate has expired", fault: (d) => void (d.s.app.signing.certificate = 'expired') },
  {
    code: 'AADSTS50061',
    at: 'entra',
    title: 'A LogoutRequest whose Issuer is no app of the tenant',
    fault: (d) => {
      d.s.flow.kind = 'sp-logout';
      d.s.flow.logoutRequest = { issuer: 'urn:nobody', sessionIndex: 'session', signInFirst: true };
    },
  },
  {
    code: 'AADSTS50068',
    at: 'entra',
    title: 'Logout from an app that is not part of the session (its sign-in was refused)',
    fault: (d) => {
      d.s.app.assignments = [];
      d.s.flow.kind = 'sp-logout';
      d.s.flow.logoutRequest = { sessionIndex: 'none', signInFirst: true };
    },
  },
  {
    code: 'AADSTS50070',
    at: 'entra',
    title: 'Logout without a session at Entra',
    fault: (d) => {
      d.s.flow.kind = 'sp-logout';
      d.s.flow.logoutRequest = { sessionIndex: 'none', signInFirst: false };
    },
  },
  {
    code: 'AADSTS50071',
    at: 'entra',
    title: 'A LogoutRequest already past its NotOnOrAfter',
    fault: (d) => {
      d.s.flow.kind = 'sp-logout';
      d.s.flow.logoutRequest = { sessionIndex: 'session', signInFirst: true, notOnOrAfterOffsetSeconds: -60 };
    },
  },
];

export const ENTRA_PRESETS = presetsFor(
  'entra',
  { profile: 'generic', definition: DEMO_GENERIC, idpConfig: { method: 'metadata-xml', metadataXml: 'app' }, flow: 'sp-initiated', user: 'adele.vance@contoso.com' },
  SPECS,
);
