import { z } from 'zod';
import { diffUsers } from '../../provisioning/diff';
import type { ValidationReport } from '../../sp/report';
import { attributeViolation, describeViolation, first, values, violationCollision } from '../attribute-rules';
import { attrClaim } from '../common-claims';
import type { AttributeSpec, SignInContext, SignInResult, VendorErrorDef, VendorProfile } from '../profile';
import * as setup from '../setup-common';
import { vendorError, withCollision } from '../vendor-errors';
import { keepSignIn, signedInUser } from '../../provisioning/sign-in';

const Settings = z.object({
  /** "Imagen supports just-in-time user provisioning, which is enabled by default." */
  jitProvisioning: z.boolean().default(true),
});
export type ImagenSettings = z.infer<typeof Settings>;

export const MAIL_OID = 'urn:oid:0.9.2342.19200300.100.1.3';
export const UPN_OID = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.10';

const ATTRIBUTES: AttributeSpec[] = [
  { name: MAIL_OID, required: true, description: 'user.mail' },
  { name: UPN_OID, required: true, description: 'user.userprincipalname' },
  { name: 'Groups', required: false, description: 'user.groups', multiValued: true },
];

/** Imagen's SP is SimpleSAMLphp: its errors are SimpleSAMLphp's error codes, titles and descriptions. */
const ssp = (code: string, name: string, text: string): VendorErrorDef => ({ code, name, text, httpStatus: 500, provenance: 'published' });
const app = (code: string, name: string, text: string): VendorErrorDef => ({ code, name, text, httpStatus: 403, provenance: 'modelled' });
const ERRORS = {
  ACSPARAMS: ssp(
    'ACSPARAMS',
    'No SAML response provided',
    'You accessed the Assertion Consumer Service interface, but did not provide a SAML Authentication Response. Please note that this endpoint is not intended to be accessed directly.',
  ),
  METADATANOTFOUND: ssp('METADATANOTFOUND', 'Metadata not found', 'Unable to locate metadata for %ENTITYID%'),
  NOSTATE: ssp('NOSTATE', 'State information lost', 'State information lost, and no way to restart the request'),
  PROCESSASSERTION: ssp('PROCESSASSERTION', 'Error processing response from Identity Provider', 'We did not accept the response sent from the Identity Provider.'),
  RESPONSESTATUSNOSUCCESS: ssp(
    'RESPONSESTATUSNOSUCCESS',
    'Error received from Identity Provider',
    'The Identity Provider responded with an error. (The status code in the SAML Response was not success)',
  ),
  IMAGEN_ATTRIBUTES: app('IMAGEN_ATTRIBUTES', 'Missing user attributes', 'Your account could not be set up: the identity provider did not send the user attributes Imagen needs.'),
  IMAGEN_NO_USER: app('IMAGEN_NO_USER', 'Unknown user', 'There is no Imagen user for this account, and just-in-time provisioning is turned off.'),
} as const;
const imagenError = (code: keyof typeof ERRORS, reason: string, vals: Record<string, string> = {}) => vendorError(ERRORS, code, reason, vals);

function samlFailure(report: ValidationReport) {
  const f = report.failure;
  const why = f ? `${f.title}: ${f.reason}` : 'refused';
  if (f?.id === 'response.status') return imagenError('RESPONSESTATUSNOSUCCESS', why);
  // SimpleSAMLphp looks up the IdP by the Issuer; an unknown one has no metadata.
  if (f?.id === 'response.issuer') return imagenError('METADATANOTFOUND', why, { ENTITYID: report.message.issuer ?? '(no issuer)' });
  // An unsolicited response has no saved state to resume: Imagen signs in SP-initiated only.
  if (f?.id === 'response.inResponseTo' && !report.message.inResponseTo) return imagenError('NOSTATE', `${why} — Imagen supports SP-initiated sign-in only`);
  return imagenError('PROCESSASSERTION', why);
}

function signIn(ctx: SignInContext<ImagenSettings>): SignInResult {
  const { identity, directory, settings } = ctx;
  const violation = attributeViolation(ATTRIBUTES, identity);
  if (violation) return { ok: false, error: withCollision(imagenError('IMAGEN_ATTRIBUTES', describeViolation(violation)), violationCollision(violation)) };
  const mail = first(identity, MAIL_OID)!;
  const before = directory.byEmail(mail);
  if (!before && !settings.jitProvisioning) return { ok: false, error: imagenError('IMAGEN_NO_USER', `${mail} is not an Imagen user and just-in-time provisioning is off`) };
  const now = ctx.now.toISOString();
  const after = signedInUser(before, now, { id: before?.id ?? mail, email: mail, fields: { upn: first(identity, UPN_OID)! }, groups: values(identity, 'Groups') });
  const diff = diffUsers(before, after);
  keepSignIn(directory, before, after, diff);
  return { ok: true, diff, details: { groups: after.groups.join(', ') || 'none' } };
}

export const imagen: VendorProfile<ImagenSettings> = {
  id: 'imagen',
  displayName: 'Imagen',
  brand: { name: 'Imagen', color: '#0f766e', product: 'Media Asset Management' },
  guide: 'vendor-docs/imagen-azure-ad-sso.md',
  guideUrl: 'https://learn.microsoft.com/en-us/entra/identity/saas-apps/imagen-tutorial',
  placeholders: { subdomain: { label: 'Subdomain', example: 'contoso' } },
  urls: ({ subdomain = 'contoso' }) => {
    const base = `https://${subdomain}.imagencloud.com`;
    return {
      identifier: `${base}/sp-entityid`,
      replyUrl: `${base}/saml/module.php/saml/sp/saml2-acs.php/imagenweb`,
      signOnUrl: `${base}/site/login`,
      spLoginUrl: `${base}/site/login`,
      homeUrl: `${base}/site/home`,
    };
  },
  idpConfigMethods: ['sent-to-support'],
  flows: { spInitiated: true, idpInitiated: false, logout: false },
  // Imagen's SP is SimpleSAMLphp, whose saml2 library (Assertion::parseAttributes) appends the values of a repeated Attribute name.
  policy: { wantAssertionsSigned: true, wantResponseSigned: false, allowIdpInitiated: false, requestedAuthnContext: false, repeatedAttributes: 'merge' },
  nameId: { description: 'any (the mail attribute identifies the user)', emailRequired: false },
  attributes: ATTRIBUTES,
  errors: ERRORS,
  settings: { schema: Settings, defaults: () => Settings.parse({}) },
  settingLabels: { jitProvisioning: 'Just-in-time provisioning' },
  recommendedApp: ({ subdomain = 'contoso' }) => {
    const base = `https://${subdomain}.imagencloud.com`;
    return {
      identifiers: [`${base}/sp-entityid`],
      replyUrls: [`${base}/saml/module.php/saml/sp/saml2-acs.php/imagenweb`],
      signOnUrl: `${base}/site/login`,
      signingOption: 'assertion',
      claims: {
        nameId: { source: { kind: 'attribute', attribute: 'user.userprincipalname' }, format: 'emailAddress' },
        attributes: [attrClaim(MAIL_OID, 'user.mail'), attrClaim(UPN_OID, 'user.userprincipalname'), attrClaim('Groups', 'user.groups')],
      },
    };
  },
  setupChecks: (ctx) => {
    const basic = 'Configure Azure AD SSO › Basic SAML Configuration';
    const attrs = 'Configure Azure AD SSO › additional attributes';
    return [
      setup.identifierCheck(ctx, basic),
      setup.replyUrlCheck(ctx, basic),
      setup.signOnUrlCheck(ctx, basic, 'vendor'),
      ...ATTRIBUTES.map((a) => setup.claimCheck(ctx, attrs, a)),
      setup.claimValuesCheck(ctx, attrs, ATTRIBUTES),
      setup.signingOptionCheck(ctx, 'SAML Signing Certificate', 'assertion-signed'),
      setup.assignmentCheck(ctx, 'Create and assign Azure AD test user'),
      setup.idpConfigCheck(ctx, 'Configure Imagen SSO (Federation Metadata XML sent to Imagen support)'),
    ];
  },
  acceptIdpConfig: (input) =>
    input.method === 'sent-to-support'
      ? undefined
      : imagenError('METADATANOTFOUND', 'Imagen is configured by its support team from the Federation Metadata XML you send them', { ENTITYID: 'the identity provider' }),
  signIn,
  samlFailure,
  missingResponse: () => imagenError('ACSPARAMS', 'the POST to the ACS carried no SAMLResponse'),
  gate: (_settings, configured) => (configured ? undefined : imagenError('METADATANOTFOUND', 'Imagen support has not applied the Federation Metadata XML yet', { ENTITYID: 'the identity provider' })),
  pages: {
    signedInFacts: (identity, details) => [
      ['Email', first(identity, MAIL_OID) ?? '—'],
      ['User principal name', first(identity, UPN_OID) ?? '—'],
      ['Groups', String(details?.groups ?? 'none')],
    ],
  },
};
