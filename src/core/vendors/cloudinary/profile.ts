import { html } from '../../http/html';
import { CloudinarySettingsSchema as Settings, type CloudinarySettings } from './settings';
import type { ValidationReport } from '../../sp/report';
import { attributeViolation, describeViolation, first, values, violationCollision } from '../attribute-rules';
import { attrClaim, constClaim, isEmail } from '../common-claims';
import { provisionCloudinaryUser } from './provisioning';
import type { AttributeSpec, SignInContext, SignInResult, VendorProfile } from '../profile';
import * as setup from '../setup-common';
import { CLOUDINARY_ERRORS as ERRORS, CLOUDINARY_FAULTS, cloudinaryError } from './errors';
import { collision } from '../../sp/collision';
import { withCollision } from '../vendor-errors';

export const CLOUDINARY_ROLES = ['master_admin', 'admin', 'technical_admin', 'billing', 'reports', 'media_library_admin', 'media_library_user'] as const;

export const CLOUDINARY_ATTRIBUTES: AttributeSpec[] = [
  { name: 'CloudinaryAccountID', required: true, description: 'Provisioning Account ID' },
  { name: 'Username', required: true, description: '(External) User ID — unique, the immutable ID of the user' },
  { name: 'FirstName', required: true, description: 'First name' },
  { name: 'LastName', required: false, description: 'Last name' },
  { name: 'Email', required: true, description: 'E-mail' },
  { name: 'CloudinaryRole', required: false, description: 'Role (default media_library_user)', accepted: CLOUDINARY_ROLES },
  { name: 'CloudinaryUserGroups', required: false, description: 'User groups, created when missing (media_library_user only)', multiValued: true },
  { name: 'CloudinarySubAccounts', required: false, description: 'Cloud names of the product environments (default all; ignored for master_admin)', multiValued: true },
];

/** Which SAML faults Cloudinary reports as an unreadable response (16) rather than a failed validation (15). */
const UNREADABLE = new Set(['xml.wellFormed', 'xml.schema', 'response.status']);

function samlFailure(report: ValidationReport) {
  const f = report.failure;
  const code = f && UNREADABLE.has(f.id) ? 16 : 15;
  return cloudinaryError(code, f ? `${f.title}: ${f.reason}` : 'the response was refused');
}

/** The checks on what SAML provisioning requires, in the order Cloudinary's table numbers them. */
function provisioningInputError(ctx: SignInContext<CloudinarySettings>) {
  const { identity, settings } = ctx;
  const v = attributeViolation(CLOUDINARY_ATTRIBUTES, identity);
  const missing = (name: string) => v?.kind === 'missing' && v.spec.name === name;
  const refused = (code: number) => withCollision(cloudinaryError(code, describeViolation(v!)), violationCollision(v!));
  if (missing('CloudinaryAccountID')) return refused(2);
  const accountId = first(identity, 'CloudinaryAccountID');
  if (accountId !== undefined && accountId !== settings.accountId) {
    const collided = collision(
      'Claim CloudinaryAccountID',
      { where: "The assertion's CloudinaryAccountID attribute", value: accountId },
      { where: "Cloudinary › this account's ID", values: [settings.accountId] },
    );
    return withCollision(cloudinaryError(3, `CloudinaryAccountID is "${accountId}"; this account's ID is "${settings.accountId}"`), collided);
  }
  if (missing('FirstName')) return refused(4);
  if (missing('Email')) return refused(5);
  if (!isEmail(first(identity, 'Email'))) return cloudinaryError(6, `Email is "${first(identity, 'Email')}", not an email address`);
  if (v?.kind === 'not-accepted' && v.spec.name === 'CloudinaryRole') return refused(7);
  if (missing('Username')) return refused(16);
  const unknownCloud = values(identity, 'CloudinarySubAccounts').find((c) => !settings.cloudNames.includes(c));
  if (unknownCloud !== undefined && first(identity, 'CloudinaryRole') !== 'master_admin') {
    return cloudinaryError(8, `"${unknownCloud}" is not a product environment of this account (${settings.cloudNames.join(', ')})`);
  }
  return undefined;
}

function signIn(ctx: SignInContext<CloudinarySettings>): SignInResult {
  const { identity, settings, directory } = ctx;
  if (!isEmail(identity.nameId)) return { ok: false, error: cloudinaryError(14, `the NameID is "${identity.nameId}"; Cloudinary expects the user's email (Name ID format EmailAddress)`) };
  const email = settings.provisioning ? (first(identity, 'Email') ?? identity.nameId) : identity.nameId;
  const foreign = settings.otherAccounts.find((a) => a.emails.some((e) => e.toLowerCase() === email.toLowerCase()));
  if (foreign) return { ok: false, error: cloudinaryError(12, `${email} is a user of Cloudinary account ${foreign.accountId}, not of ${settings.accountId}`) };
  if (!settings.provisioning) {
    const user = directory.byEmail(identity.nameId);
    if (!user) return { ok: false, error: cloudinaryError(11, `${identity.nameId} does not exist in this account and SAML provisioning is off (login only)`) };
    directory.put({ ...user, lastSignInAt: ctx.now.toISOString() });
    return { ok: true, details: { role: String(user.fields.role ?? 'media_library_user') } };
  }
  const inputError = provisioningInputError(ctx);
  if (inputError) return { ok: false, error: inputError };
  return provisionCloudinaryUser(ctx);
}

export const cloudinary: VendorProfile<CloudinarySettings> = {
  id: 'cloudinary',
  displayName: 'Cloudinary',
  brand: { name: 'Cloudinary', color: '#3448c5', product: 'Console' },
  guide: 'vendor-docs/cloudinary-saml-sso-provisioning.txt',
  guideUrl: 'https://cloudinary.com/documentation/saml_sso',
  placeholders: {},
  urls: () => ({
    identifier: 'https://cloudinary.com/saml',
    replyUrl: 'https://cloudinary.com/saml/consume',
    relayState: 'https://cloudinary.com/console',
    spLoginUrl: 'https://cloudinary.com/users/login',
    homeUrl: 'https://cloudinary.com/console',
  }),
  idpConfigMethods: ['metadata-url', 'metadata-xml'],
  flows: { spInitiated: true, idpInitiated: true, logout: false },
  // Cloudinary publishes nothing on repeated Attribute elements: refuse, the safe reading.
  policy: { wantAssertionsSigned: true, wantResponseSigned: false, allowIdpInitiated: true, requestedAuthnContext: false, repeatedAttributes: 'refuse' },
  nameId: { description: 'the user email (Name ID format EmailAddress)', emailRequired: true },
  attributes: CLOUDINARY_ATTRIBUTES,
  errors: ERRORS,
  faults: CLOUDINARY_FAULTS,
  settings: { schema: Settings, defaults: () => Settings.parse({}) },
  settingLabels: {
    accountId: 'Provisioning Account ID',
    cloudNames: 'Product environments (cloud names)',
    enforceSamlLogin: 'Enforce SAML login',
    provisioning: 'SAML provisioning (off = login only)',
    licenseLimit: 'User licenses',
    otherAccounts: 'Other Cloudinary accounts',
  },
  recommendedApp: (_params, settings) => ({
    identifiers: ['https://cloudinary.com/saml'],
    replyUrls: ['https://cloudinary.com/saml/consume'],
    relayState: 'https://cloudinary.com/console',
    signingOption: 'assertion',
    claims: {
      nameId: { source: { kind: 'attribute', attribute: 'user.mail' }, format: 'emailAddress' },
      attributes: [
        constClaim('CloudinaryAccountID', settings.accountId),
        attrClaim('Username', 'user.objectid'),
        attrClaim('FirstName', 'user.givenname'),
        attrClaim('LastName', 'user.surname'),
        attrClaim('Email', 'user.mail'),
        attrClaim('CloudinaryRole', 'user.extensionattribute1'),
      ],
      groups: { which: 'all', sourceAttribute: 'cloudDisplayName', name: 'CloudinaryUserGroups', emitAsRoles: false },
    },
  }),
  setupChecks: (ctx, settings) => {
    const idp = 'Add Cloudinary as an application to your IdP';
    const attrs = 'Federate user profile field values to Cloudinary SAML attributes';
    const account: AttributeSpec = { ...CLOUDINARY_ATTRIBUTES[0]!, accepted: [settings.accountId] };
    const claimSpecs = settings.provisioning ? CLOUDINARY_ATTRIBUTES : [];
    return [
      setup.identifierCheck(ctx, idp),
      setup.replyUrlCheck(ctx, idp),
      setup.nameIdCheck(ctx, `${idp} (Name ID format EmailAddress)`, 'user.mail'),
      ...claimSpecs.filter((a) => a.name !== 'CloudinaryUserGroups').map((a) => setup.claimCheck(ctx, attrs, a)),
      ...(settings.provisioning ? [setup.claimValuesCheck(ctx, attrs, [account, ...CLOUDINARY_ATTRIBUTES.slice(1)])] : []),
      setup.signingOptionCheck(ctx, idp, 'assertion-signed'),
      setup.assignmentCheck(ctx, idp),
      setup.idpConfigCheck(ctx, 'Configure SAML SSO in Cloudinary (metadata URL or inline)'),
    ];
  },
  acceptIdpConfig: (input) => (input.method === 'metadata-url' || input.method === 'metadata-xml' ? undefined : cloudinaryError(15, 'Cloudinary takes the IdP metadata as a URL or inline')),
  beforeSignOn: (settings, directory, email) => (settings.provisioning || directory.byEmail(email) ? undefined : cloudinaryError(11, `${email} has no Cloudinary user and SAML provisioning is off`)),
  signIn,
  samlFailure,
  gate: (_settings, configured) => (configured ? undefined : cloudinaryError(15, 'SAML login is not configured: no IdP metadata is saved in Account Security')),
  pages: {
    signedInFacts: (identity, details) => [
      ['Email', first(identity, 'Email') ?? identity.nameId],
      ['Name', [first(identity, 'FirstName'), first(identity, 'LastName')].filter(Boolean).join(' ') || '—'],
      ['Role', String(details?.role ?? '—')],
      ['Product environments', String(details?.subAccounts ?? '—')],
    ],
    errorBody: (error) =>
      html`<h1 class="err">Error</h1><p>HTTP 400</p><table><tr><th>Error Code</th><td data-error-code="${error.code}">${error.code}</td></tr><tr><th>Description</th><td>${error.message}</td></tr></table>`,
    signOnIntro: 'Sign in with SSO: enter the email address of your Cloudinary user.',
  },
};

/** Direct (password) login on the Cloudinary console: only the master admin gets past "Enforce SAML login". */
export function directLoginAllowed(settings: CloudinarySettings, role: string | undefined): boolean {
  return !settings.enforceSamlLogin || role === 'master_admin';
}
