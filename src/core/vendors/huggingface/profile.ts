import { z } from 'zod';
import { readCertificateInput } from '../../crypto/pem';
import { describeCertificate } from '../../crypto/certificate';
import { diffUsers } from '../../provisioning/diff';
import { first, values } from '../attribute-rules';
import { isEmail } from '../common-claims';
import type { SignInContext, SignInResult, VendorError, VendorProfile } from '../profile';
import * as setup from '../setup-common';
import { modelledError as m, vendorError } from '../vendor-errors';
import { keepSignIn, signedInUser } from '../../provisioning/sign-in';

export const HF_ROLES = ['read', 'contributor', 'write', 'admin'] as const;
const Role = z.enum(HF_ROLES);

const Mapping = z.object({ value: z.string().min(1), role: Role });
const RoleMapping = z.object({ attribute: z.string().min(1), mappings: z.array(Mapping) });

const Settings = z.object({
  /** "Update and Test SAML configuration", then "Enable", as the guide's steps. */
  state: z.enum(['unconfigured', 'configured', 'tested', 'enabled']).default('unconfigured'),
  defaultRole: Role.default('read'),
  /** Role Mapping: an attribute of the assertion, and value → role pairs. */
  roleMapping: RoleMapping.optional(),
  /** Resource Group Mapping: value → resource group (and role in it). */
  resourceGroupMapping: z.object({ attribute: z.string().min(1), mappings: z.array(z.object({ value: z.string().min(1), resourceGroup: z.string().min(1), role: Role })) }).optional(),
  /** Emails that have a Hugging Face account (SSO does not create accounts). */
  accounts: z.array(z.string()).default([]),
});
export type HuggingFaceSettings = z.infer<typeof Settings>;

const ERRORS = {
  SSO_NOT_CONFIGURED: m('SSO_NOT_CONFIGURED', 'SSO not configured', 'SAML SSO is not configured for this organization.', 403),
  SSO_NOT_ENABLED: m('SSO_NOT_ENABLED', 'SSO not enabled', 'Single Sign-On is not enabled for this organization yet. An admin must test the configuration and click "Enable".', 403),
  CERTIFICATE_FORMAT: m('CERTIFICATE_FORMAT', 'Certificate format', 'The public certificate must have the following format: -----BEGIN CERTIFICATE----- {certificate} -----END CERTIFICATE-----', 400),
  CERTIFICATE_INVALID: m('CERTIFICATE_INVALID', 'Invalid certificate', 'The public certificate could not be read.', 400),
  SIGN_ON_URL_INVALID: m('SIGN_ON_URL_INVALID', 'Invalid Sign-on URL', 'The Sign-on URL must be a valid https URL.', 400),
  ROLE_MAPPING_NO_ADMIN: m('ROLE_MAPPING_NO_ADMIN', 'No admin mapping', 'At least one role mapping must assign the admin role.', 400),
  NOT_TESTED: m('NOT_TESTED', 'Configuration not tested', 'Update and test the SAML configuration before enabling it.', 400),
  SAML_SIGNATURE_REQUIRED: m('SAML_SIGNATURE_REQUIRED', 'Signature required', 'The SAML response and assertion must both be signed.', 401),
  SAML_VALIDATION_FAILED: m('SAML_VALIDATION_FAILED', 'SAML validation failed', 'SAML authentication failed.', 401),
  NO_EMAIL: m('NO_EMAIL', 'No email', 'No email address was found in the SAML response.', 400),
  NO_HF_ACCOUNT: m('NO_HF_ACCOUNT', 'No Hugging Face account', 'There is no Hugging Face account for this email. Create an account first, then sign in with SSO.', 403),
} as const;
const hfError = (code: keyof typeof ERRORS, reason: string): VendorError => vendorError(ERRORS, code, reason);

const EMAIL_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress';

function acceptIdpConfig(input: Parameters<VendorProfile<HuggingFaceSettings>['acceptIdpConfig']>[0]): VendorError | undefined {
  if (input.method !== 'signon-url-and-certificate') return hfError('SSO_NOT_CONFIGURED', 'Hugging Face takes a Sign-on URL and a public certificate');
  if (!/^https:\/\/\S+$/.test(input.signOnUrl)) return hfError('SIGN_ON_URL_INVALID', `"${input.signOnUrl}" is not an https URL`);
  const read = readCertificateInput(input.certificate);
  if (!read.ok || read.value.form !== 'pem') {
    return hfError('CERTIFICATE_FORMAT', 'the certificate was pasted without its -----BEGIN CERTIFICATE----- and -----END CERTIFICATE----- lines (Entra\'s "Certificate (Base64)" download has them)');
  }
  const info = describeCertificate(input.certificate);
  return info.ok ? undefined : hfError('CERTIFICATE_INVALID', info.error.message);
}

/** Saving a Role Mapping: at least one value must map to admin, or nobody could manage SSO afterwards. */
export function saveRoleMapping(settings: HuggingFaceSettings, mapping: NonNullable<HuggingFaceSettings['roleMapping']>): VendorError | undefined {
  if (!mapping.mappings.some((x) => x.role === 'admin')) return hfError('ROLE_MAPPING_NO_ADMIN', `the mappings give ${mapping.mappings.map((x) => `${x.value}→${x.role}`).join(', ') || 'nothing'}`);
  settings.roleMapping = mapping;
  return undefined;
}

/** The "Enable" button: only after the configuration passed its test. */
export function enableSso(settings: HuggingFaceSettings): VendorError | undefined {
  if (settings.state !== 'tested' && settings.state !== 'enabled') return hfError('NOT_TESTED', `the configuration is "${settings.state}"`);
  settings.state = 'enabled';
  return undefined;
}

function signIn(ctx: SignInContext<HuggingFaceSettings>): SignInResult {
  const { identity, settings, directory } = ctx;
  const email = isEmail(identity.nameId) ? identity.nameId : first(identity, EMAIL_CLAIM);
  if (!email || !isEmail(email)) return { ok: false, error: hfError('NO_EMAIL', `the NameID is "${identity.nameId}" and there is no ${EMAIL_CLAIM} claim`) };
  if (settings.state !== 'enabled' && !ctx.solicited) return { ok: false, error: hfError('SSO_NOT_ENABLED', 'IdP-initiated sign-in works once the configuration is tested and enabled') };
  if (!settings.accounts.some((a) => a.toLowerCase() === email.toLowerCase()))
    return { ok: false, error: hfError('NO_HF_ACCOUNT', `${email} has no Hugging Face account; SSO does not provision users`) };
  const roleValues = settings.roleMapping ? values(identity, settings.roleMapping.attribute) : [];
  const role = settings.roleMapping?.mappings.find((x) => roleValues.includes(x.value))?.role ?? settings.defaultRole;
  const groupValues = settings.resourceGroupMapping ? values(identity, settings.resourceGroupMapping.attribute) : [];
  const resourceGroups = (settings.resourceGroupMapping?.mappings ?? []).filter((x) => groupValues.includes(x.value)).map((x) => `${x.resourceGroup} (${x.role})`);
  const before = directory.byEmail(email);
  const now = ctx.now.toISOString();
  const after = signedInUser(before, now, { id: email, email, fields: { role }, groups: resourceGroups });
  const diff = diffUsers(before, after);
  keepSignIn(directory, before, after, diff);
  const testPassed = settings.state === 'configured';
  if (testPassed) settings.state = 'tested';
  return { ok: true, diff, details: { role, resourceGroups: resourceGroups.join(', ') || 'none', ...(testPassed ? { testPassed: true } : {}) } };
}

export const huggingface: VendorProfile<HuggingFaceSettings> = {
  id: 'huggingface',
  displayName: 'Hugging Face',
  brand: { name: 'Hugging Face', color: '#f59e0b', product: 'Enterprise Hub' },
  guide: 'vendor-docs/huggingface-azure-saml.md',
  guideUrl: 'https://huggingface.co/docs/hub/security-sso-azure-saml',
  placeholders: { org: { label: 'Organization', example: 'contoso-ml' } },
  urls: ({ org = 'contoso-ml' }) => ({
    identifier: `https://huggingface.co/organizations/${org}/saml/consume`,
    replyUrl: `https://huggingface.co/organizations/${org}/saml/consume`,
    spLoginUrl: `https://huggingface.co/organizations/${org}/saml/login`,
    homeUrl: `https://huggingface.co/organizations/${org}`,
  }),
  idpConfigMethods: ['signon-url-and-certificate'],
  flows: { spInitiated: true, idpInitiated: true, logout: false },
  // Hugging Face publishes nothing on repeated Attribute elements: refuse, the safe reading.
  policy: { wantAssertionsSigned: true, wantResponseSigned: true, allowIdpInitiated: true, requestedAuthnContext: false, repeatedAttributes: 'refuse' },
  nameId: { description: "the user's email", emailRequired: true },
  attributes: [],
  errors: ERRORS,
  settings: { schema: Settings, defaults: () => Settings.parse({}) },
  settingLabels: { state: 'SSO state', defaultRole: 'Default role', accounts: 'Emails with a Hugging Face account' },
  recommendedApp: ({ org = 'contoso-ml' }) => ({
    identifiers: [`https://huggingface.co/organizations/${org}/saml/consume`],
    replyUrls: [`https://huggingface.co/organizations/${org}/saml/consume`],
    signingOption: 'response-and-assertion',
    claims: {
      nameId: { source: { kind: 'attribute', attribute: 'user.mail' }, format: 'emailAddress' },
      attributes: [{ id: 'emailaddress', name: 'emailaddress', namespace: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims', source: { kind: 'attribute', attribute: 'user.mail' } }],
      groups: { which: 'all', sourceAttribute: 'cloudDisplayName', emitAsRoles: false },
    },
  }),
  setupChecks: (ctx) => [
    setup.identifierCheck(ctx, 'Step 2: Configure your application on Azure (SP Entity Id → Identifier)'),
    setup.replyUrlCheck(ctx, 'Step 2: Configure your application on Azure (Assertion Consumer Service URL → Reply URL)'),
    setup.signingOptionCheck(ctx, 'Step 2: SAML Certificates › Signing Option', 'response-and-assertion'),
    setup.assignmentCheck(ctx, 'Step 1: Create a new application in your Identity Provider'),
    setup.idpConfigCheck(ctx, 'Step 3: Finalize configuration on Hugging Face (Sign-on URL, Public certificate)'),
  ],
  acceptIdpConfig,
  actions: {
    enable: { label: 'Enable', run: (settings) => enableSso(settings) },
    'save-role-mapping': { label: 'Save role mapping', input: RoleMapping, run: (settings, input) => saveRoleMapping(settings, RoleMapping.parse(input)) },
  },
  onIdpConfigured: (settings) => {
    settings.state = 'configured';
  },
  signIn,
  samlFailure: (report) =>
    report.failure?.id === 'signature.required'
      ? hfError('SAML_SIGNATURE_REQUIRED', `${report.failure.reason} — set the Signing Option to "Sign SAML response and assertion"`)
      : hfError('SAML_VALIDATION_FAILED', report.failure ? `${report.failure.title}: ${report.failure.reason}` : 'refused'),
  gate: (settings, configured) =>
    configured && settings.state !== 'unconfigured' ? undefined : hfError('SSO_NOT_CONFIGURED', 'no Sign-on URL and certificate were saved with "Update and Test SAML configuration"'),
  pages: {
    signedInFacts: (identity, details) => [
      ['Email', identity.nameId],
      ['Role in the organization', String(details?.role ?? '—')],
      ['Resource groups', String(details?.resourceGroups ?? 'none')],
      ...(details?.testPassed ? ([['SAML configuration', '✓ test successful']] as Array<[string, string]>) : []),
    ],
  },
};
