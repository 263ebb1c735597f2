import { z } from 'zod';
import { diffUsers } from '../../provisioning/diff';
import { attributeViolation, describeViolation, first, violationCollision } from '../attribute-rules';
import { attrClaim, constClaim, isEmail, joinNames } from '../common-claims';
import type { AttributeSpec, SignInContext, SignInResult, VendorProfile } from '../profile';
import * as setup from '../setup-common';
import { modelledError as m, vendorError, withCollision } from '../vendor-errors';
import { collision, type Collision } from '../../sp/collision';
import { keepSignIn, signedInUser } from '../../provisioning/sign-in';

export const IMAGEKIT_ROLES = ['account_administrator', 'developer', 'media_library_full_access', 'media_library_view_only_access', 'finance'] as const;

const Settings = z.object({
  /** The ImageKit ID of the organisation's account, which the imagekit_id claim must carry. */
  imagekitId: z.string().min(1).default('contoso'),
});
export type ImageKitSettings = z.infer<typeof Settings>;

const ATTRIBUTES: AttributeSpec[] = [
  { name: 'imagekit_id', required: true, description: 'The ImageKit ID of your organization account.' },
  { name: 'full_name', required: true, description: 'The full name of the user.' },
  { name: 'imagekit_role', required: true, description: "The user's role on ImageKit.", accepted: IMAGEKIT_ROLES },
];

/** ImageKit publishes no error codes; these texts are modelled on its guide's wording. */
const ERRORS = {
  SSO_NOT_CONFIGURED: m(
    'SSO_NOT_CONFIGURED',
    'SSO not configured',
    'Single sign-on is not set up for this ImageKit account. Ask an administrator to add the Metadata XML under Settings › Single sign-on.',
    403,
  ),
  FIRST_LOGIN_IDP_INITIATED: m(
    'FIRST_LOGIN_IDP_INITIATED',
    'First login must come from the identity provider',
    'SSO users must make their very first login to ImageKit from their identity provider (for example, the My Apps page). After that, this page works.',
    403,
  ),
  INVALID_EMAIL: m('INVALID_EMAIL', 'Invalid user identifier', 'The Unique User Identifier must be the email address of the user.', 400),
  MISSING_ATTRIBUTE: m('MISSING_ATTRIBUTE', 'Missing attribute', 'The SAML response does not contain all the keys ImageKit requires (imagekit_id, full_name, imagekit_role).', 400),
  INVALID_ROLE: m('INVALID_ROLE', 'Invalid role', 'The value of imagekit_role is not one of the accepted roles.', 400),
  ACCOUNT_MISMATCH: m('ACCOUNT_MISMATCH', 'Wrong account', 'The imagekit_id in the SAML response does not match this ImageKit account.', 403),
  SAML_INVALID: m('SAML_INVALID', 'Invalid SAML response', 'The SAML response could not be verified.', 401),
} as const;

function signIn(ctx: SignInContext<ImageKitSettings>): SignInResult {
  const e = (code: keyof typeof ERRORS, reason: string, collided?: Collision) => ({ ok: false as const, error: withCollision(vendorError(ERRORS, code, reason), collided) });
  const { identity, directory } = ctx;
  if (!isEmail(identity.nameId)) return e('INVALID_EMAIL', `the NameID is "${identity.nameId}"; ImageKit takes user.mail`);
  const violation = attributeViolation(ATTRIBUTES, identity);
  if (violation)
    return e(violation.kind === 'not-accepted' && violation.spec.name === 'imagekit_role' ? 'INVALID_ROLE' : 'MISSING_ATTRIBUTE', describeViolation(violation), violationCollision(violation));
  const imagekitId = first(identity, 'imagekit_id')!;
  if (imagekitId !== ctx.settings.imagekitId) {
    const collided = collision(
      'Claim imagekit_id',
      { where: "The assertion's imagekit_id attribute", value: imagekitId },
      { where: "ImageKit › this account's ImageKit ID", values: [ctx.settings.imagekitId] },
    );
    return e('ACCOUNT_MISMATCH', `imagekit_id is "${imagekitId}"; this account's ImageKit ID is "${ctx.settings.imagekitId}"`, collided);
  }
  const before = directory.byEmail(identity.nameId);
  if (!before && ctx.solicited) return e('FIRST_LOGIN_IDP_INITIATED', `${identity.nameId} has never signed in through the identity provider`);
  const now = ctx.now.toISOString();
  const after = signedInUser(before, now, {
    id: before?.id ?? identity.nameId,
    email: identity.nameId,
    fields: { full_name: first(identity, 'full_name')!, role: first(identity, 'imagekit_role')! },
    groups: [],
  });
  const diff = diffUsers(before, after);
  keepSignIn(directory, before, after, diff);
  return { ok: true, diff, details: { role: after.fields.role } };
}

export const imagekit: VendorProfile<ImageKitSettings> = {
  id: 'imagekit',
  displayName: 'ImageKit',
  brand: { name: 'ImageKit', color: '#0450d5', product: 'Media Library' },
  guide: 'vendor-docs/imagekit-azure-sso.md',
  guideUrl: 'https://imagekit.io/docs/single-sign-on/azure',
  placeholders: {},
  urls: () => ({
    identifier: 'https://imagekit.io/saml/consume',
    replyUrl: 'https://imagekit.io/saml/consume',
    relayState: 'https://imagekit.io/dashboard',
    logoutUrl: 'https://imagekit.io/logout',
    spLoginUrl: 'https://imagekit.io/single-sign-on',
    homeUrl: 'https://imagekit.io/dashboard',
  }),
  idpConfigMethods: ['metadata-xml'],
  flows: { spInitiated: true, idpInitiated: true, logout: true },
  // ImageKit publishes nothing on repeated Attribute elements: refuse, the safe reading.
  policy: { wantAssertionsSigned: true, wantResponseSigned: false, allowIdpInitiated: true, requestedAuthnContext: false, repeatedAttributes: 'refuse' },
  nameId: { description: 'user.mail — the unique email address of the user', emailRequired: true },
  attributes: ATTRIBUTES,
  errors: ERRORS,
  settings: { schema: Settings, defaults: () => Settings.parse({}) },
  settingLabels: { imagekitId: 'ImageKit ID of the account' },
  idpConfigDeletable: true,
  recommendedApp: (_params, settings) => ({
    identifiers: ['https://imagekit.io/saml/consume'],
    replyUrls: ['https://imagekit.io/saml/consume'],
    relayState: 'https://imagekit.io/dashboard',
    logoutUrl: 'https://imagekit.io/logout',
    signingOption: 'assertion',
    claims: {
      nameId: { source: { kind: 'attribute', attribute: 'user.mail' }, format: 'emailAddress' },
      attributes: [constClaim('imagekit_id', settings.imagekitId), { id: 'full_name', name: 'full_name', source: joinNames }, attrClaim('imagekit_role', 'user.department')],
    },
  }),
  setupChecks: (ctx, settings) => {
    const basic = 'Create an Azure AD application › Basic SAML configuration';
    const claims = 'Create an Azure AD application › Attributes and claims';
    const accountId: AttributeSpec = { ...ATTRIBUTES[0]!, accepted: [settings.imagekitId] };
    return [
      setup.identifierCheck(ctx, basic),
      setup.replyUrlCheck(ctx, basic),
      setup.relayStateCheck(ctx, basic),
      setup.logoutUrlCheck(ctx, basic),
      setup.signOnUrlCheck(ctx, 'First-time login (must start from My Apps)', 'empty'),
      setup.nameIdCheck(ctx, claims, 'user.mail'),
      ...ATTRIBUTES.map((a) => setup.claimCheck(ctx, claims, a)),
      setup.claimValuesCheck(ctx, claims, [accountId, ...ATTRIBUTES.slice(1)]),
      setup.signingOptionCheck(ctx, 'Federation Metadata XML (the default "Sign SAML assertion")', 'assertion-signed'),
      setup.assignmentCheck(ctx, 'Assign users to the SSO application on Azure'),
      setup.idpConfigCheck(ctx, 'Enable SSO login on ImageKit (paste the Metadata XML)'),
    ];
  },
  acceptIdpConfig: (input) =>
    input.method === 'metadata-xml' ? undefined : vendorError(ERRORS, 'SSO_NOT_CONFIGURED', 'ImageKit takes the Federation Metadata XML pasted into its settings, nothing else'),
  beforeSignOn: (_settings, directory, email) =>
    directory.byEmail(email) ? undefined : vendorError(ERRORS, 'FIRST_LOGIN_IDP_INITIATED', `${email} has not signed in to ImageKit through the identity provider yet`),
  signIn,
  samlFailure: (report) => vendorError(ERRORS, 'SAML_INVALID', report.failure ? `${report.failure.title}: ${report.failure.reason}` : 'refused'),
  gate: (_settings, configured) => (configured ? undefined : vendorError(ERRORS, 'SSO_NOT_CONFIGURED', 'no Metadata XML is saved in ImageKit (or it was deleted)')),
  pages: {
    signedInFacts: (identity, details) => [
      ['Email', identity.nameId],
      ['Name', first(identity, 'full_name') ?? '—'],
      ['Role', String(details?.role ?? '—')],
      ['ImageKit ID', first(identity, 'imagekit_id') ?? '—'],
    ],
    signOnIntro: 'Enter the email address of your ImageKit account to sign in with your identity provider.',
  },
};
