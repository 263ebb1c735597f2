import { userPropertyLabel } from '../idp/user-properties';

/** What a setting's path leads through in the scenario, to name a claim, a user or a group by its own name. */
interface Named {
  app?: { claims?: { attributes?: ReadonlyArray<{ name?: string }> } };
  tenant?: { users?: ReadonlyArray<{ attributes?: { userprincipalname?: string } }>; groups?: ReadonlyArray<{ displayname?: string }> };
  vendor?: { profile?: string };
}

type Namer = (m: RegExpExecArray, s: Named, sp: string) => string;

const BASIC = 'Basic SAML Configuration ›';
const CLAIMS = 'Attributes & Claims ›';
const CERTS = 'SAML Certificates ›';
const nth = (i: string | undefined) => Number(i) + 1;
const claim = (s: Named, i: string | undefined) => `claim "${s.app?.claims?.attributes?.[Number(i)]?.name ?? nth(i)}"`;
const user = (s: Named, i: string | undefined) => s.tenant?.users?.[Number(i)]?.attributes?.userprincipalname ?? `user ${nth(i)}`;
const group = (s: Named, i: string | undefined) => s.tenant?.groups?.[Number(i)]?.displayname ?? `group ${nth(i)}`;
const CLAIM_PART: Readonly<Record<string, string>> = {
  name: 'Name',
  namespace: 'Namespace',
  'source.attribute': 'Source attribute',
  'source.value': 'Source (constant)',
  'source.kind': 'Source',
  id: 'the claim itself',
};
const USER_PART: Readonly<Record<string, string>> = {
  accountEnabled: 'Account enabled',
  authMethod: 'Sign-in method',
  conditionalAccess: 'Conditional Access',
  userType: 'User type',
  objectid: 'the user itself',
};

/** Paths of a scenario's set-up, as the blade (or the harness's screen) that holds them names them. */
const NAMES: ReadonlyArray<[RegExp, Namer]> = [
  [/^app\.saml\.replyUrls\.(\d+)\.\w+$/, (m) => `${BASIC} Reply URL ${nth(m[1])}`],
  [/^app\.saml\.identifiers\.(\d+)\.\w+$/, (m) => `${BASIC} Identifier (Entity ID) ${nth(m[1])}`],
  [/^app\.saml\.signOnUrl$/, () => `${BASIC} Sign on URL`],
  [/^app\.saml\.relayState$/, () => `${BASIC} Relay State`],
  [/^app\.saml\.logoutUrl$/, () => `${BASIC} Logout Url`],
  [/^app\.claims\.attributes$/, () => `${CLAIMS} Additional claims`],
  [/^app\.claims\.attributes\.(\d+)\.source\.(steps|treatAsMultiValued)/, (m, s) => `${CLAIMS} ${claim(s, m[1])} › Transformation`],
  [/^app\.claims\.attributes\.(\d+)\.(.+)$/, (m, s) => `${CLAIMS} ${claim(s, m[1])} › ${CLAIM_PART[m[2]!] ?? m[2]}`],
  [/^app\.claims\.nameId\.format$/, () => `${CLAIMS} Unique User Identifier › Name identifier format`],
  [/^app\.claims\.nameId\.source/, () => `${CLAIMS} Unique User Identifier › Source attribute`],
  [/^app\.signing\.option$/, () => `${CERTS} Signing Option`],
  [/^app\.signing\.algorithm$/, () => `${CERTS} Signing Algorithm`],
  [/^app\.signing\.certificate/, () => `${CERTS} Certificate`],
  [/^app\.requireSignedRequests$/, () => `${CERTS} Verification certificates › Require verification certificates`],
  [/^app\.enabled$/, () => 'Properties › Enabled for users to sign-in?'],
  [/^app\.assignments/, () => 'Users and groups'],
  [/^tenant\.users\.(\d+)\.attributes\.(\w+)/, (m, s) => `User ${user(s, m[1])} › ${userPropertyLabel(m[2]!)}`],
  [/^tenant\.users\.(\d+)\.(\w+)/, (m, s) => `User ${user(s, m[1])} › ${USER_PART[m[2]!] ?? m[2]}`],
  [/^tenant\.groups\.(\d+)\.members/, (m, s) => `Group ${group(s, m[1])} › Members`],
  [/^tenant\.groups\.(\d+)\.(\w+)/, (m, s) => `Group ${group(s, m[1])} › ${m[2]}`],
  [/^flow\.kind$/, () => 'How the sign-in starts (at the SP or in My Apps)'],
  [/^flow\.user$/, () => 'The user who signs in'],
  [/^flow\.attributeSet/, () => "The run's attribute set"],
  [/^flow\.authnRequest\.(.+)$/, (m) => `The SP's AuthnRequest › ${m[1]}`],
  [/^flow\.logoutRequest\.(.+)$/, (m) => `The SP's LogoutRequest › ${m[1]}`],
  [/^flow\.mfa$/, () => "The user's answer to the MFA prompt"],
  [/^flow\.passive$/, () => 'IsPassive'],
  [/^vendor\.idpConfig/, (_m, _s, sp) => `${sp} › Single sign-on configuration`],
  [/^vendor\.supportApplied$/, (_m, _s, sp) => `${sp} › support applied the metadata`],
  [/^vendor\.settings\.([\w]+)/, (m, _s, sp) => `${sp} › settings › ${m[1]}`],
  [/^vendor\.definition\.(.+)$/, (m, _s, sp) => `${sp}'s definition › ${m[1]}`],
  [/^vendor\.faults/, (_m, _s, sp) => `${sp} › simulated fault`],
  [/^vendor\.clockAheadSeconds$/, (_m, _s, sp) => `${sp} › its server's clock`],
  [/^vendor\.directory/, (_m, _s, sp) => `${sp} › its users`],
  [/^vendor\.actions/, (_m, _s, sp) => `${sp} › actions taken on its settings page`],
];

/** The name a person reads for a setting's path; the path itself when it names nothing a screen shows. */
export function settingName(path: string, scenario: Named = {}, sp = 'The SP'): string {
  for (const [re, name] of NAMES) {
    const m = re.exec(path);
    if (m) return name(m, scenario, sp);
  }
  return path;
}
