import { newSamlId } from '../base/ids';
import { pemToBase64 } from '../crypto/pem';
import { escapeXml } from '../xml/escape';
import { BINDING, NS } from '../xml/namespaces';
import type { AppCertificate } from './model';
import { signEnveloped } from './enveloped-signature';
import type { IdpUrls } from './urls';

/** The 19 claim types Entra's metadata offers, with Microsoft's own display names and descriptions (2021 app metadata). */
const CLAIM_TYPES: ReadonlyArray<readonly [uri: string, display: string, description: string]> = [
  ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', 'Name', 'The mutable display name of the user.'],
  [
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier',
    'Subject',
    'An immutable, globally unique, non-reusable identifier of the user that is unique to the application for which a token is issued.',
  ],
  ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', 'Given Name', 'First name of the user.'],
  ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', 'Surname', 'Last name of the user.'],
  ['http://schemas.microsoft.com/identity/claims/displayname', 'Display Name', 'Display name of the user.'],
  ['http://schemas.microsoft.com/identity/claims/nickname', 'Nick Name', 'Nick name of the user.'],
  ['http://schemas.microsoft.com/ws/2008/06/identity/claims/authenticationinstant', 'Authentication Instant', 'The time (UTC) when the user is authenticated to Windows Azure Active Directory.'],
  ['http://schemas.microsoft.com/ws/2008/06/identity/claims/authenticationmethod', 'Authentication Method', 'The method that Windows Azure Active Directory uses to authenticate users.'],
  ['http://schemas.microsoft.com/identity/claims/objectidentifier', 'ObjectIdentifier', 'Primary identifier for the user in the directory. Immutable, globally unique, non-reusable.'],
  ['http://schemas.microsoft.com/identity/claims/tenantid', 'TenantId', "Identifier for the user's tenant."],
  ['http://schemas.microsoft.com/identity/claims/identityprovider', 'IdentityProvider', 'Identity provider for the user.'],
  ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', 'Email', 'Email address of the user.'],
  ['http://schemas.microsoft.com/ws/2008/06/identity/claims/groups', 'Groups', 'Groups of the user.'],
  ['http://schemas.microsoft.com/identity/claims/accesstoken', 'External Access Token', 'Access token issued by external identity provider.'],
  ['http://schemas.microsoft.com/ws/2008/06/identity/claims/expiration', 'External Access Token Expiration', 'UTC expiration time of access token issued by external identity provider.'],
  ['http://schemas.microsoft.com/identity/claims/openid2_id', 'External OpenID 2.0 Identifier', 'OpenID 2.0 identifier issued by external identity provider.'],
  ['http://schemas.microsoft.com/claims/groups.link', 'GroupsOverageClaim', "Issued when number of user's group claims exceeds return limit."],
  ['http://schemas.microsoft.com/ws/2008/06/identity/claims/role', 'Role Claim', 'Roles that the user or Service Principal is attached to'],
  ['http://schemas.microsoft.com/ws/2008/06/identity/claims/wids', 'RoleTemplate Id Claim', 'Role template id of the Built-in Directory Roles that the user is a member of'],
];

const keyDescriptor = (b64: string): string => `<KeyDescriptor use="signing"><KeyInfo xmlns="${NS.ds}"><X509Data><X509Certificate>${b64}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>`;

const endpoint = (tag: string, address: string): string =>
  `<fed:${tag}><wsa:EndpointReference xmlns:wsa="${NS.wsa}"><wsa:Address>${escapeXml(address)}</wsa:Address></wsa:EndpointReference></fed:${tag}>`;

const roleDescriptor = (type: string, body: string): string =>
  `<RoleDescriptor xsi:type="fed:${type}" protocolSupportEnumeration="${NS.fed}" xmlns:xsi="${NS.xsi}" xmlns:fed="${NS.fed}">${body}</RoleDescriptor>`;

export interface MetadataInput {
  entityId: string;
  urls: IdpUrls;
  /** Every signing certificate to publish (a rollover publishes two). */
  certificates: readonly AppCertificate[];
  /** The key the document itself is signed with: the active certificate. */
  signer: AppCertificate;
}

/** Entra's App Federation Metadata XML, signed as a whole (enveloped, exclusive C14N, RSA-SHA256). */
export function buildFederationMetadata(input: MetadataInput): string {
  const keys = input.certificates.map((c) => keyDescriptor(pemToBase64(c.certificatePem))).join('');
  const claimTypes = CLAIM_TYPES.map(
    ([uri, display, description]) =>
      `<auth:ClaimType Uri="${uri}" xmlns:auth="${NS.auth}"><auth:DisplayName>${escapeXml(display)}</auth:DisplayName><auth:Description>${escapeXml(description)}</auth:Description></auth:ClaimType>`,
  ).join('');
  const sts = roleDescriptor(
    'SecurityTokenServiceType',
    keys + `<fed:ClaimTypesOffered>${claimTypes}</fed:ClaimTypesOffered>` + endpoint('SecurityTokenServiceEndpoint', input.urls.wsfed) + endpoint('PassiveRequestorEndpoint', input.urls.wsfed),
  );
  const appService = roleDescriptor(
    'ApplicationServiceType',
    keys + endpoint('TargetScopes', input.entityId) + endpoint('ApplicationServiceEndpoint', input.urls.wsfed) + endpoint('PassiveRequestorEndpoint', input.urls.wsfed),
  );
  const saml2 = escapeXml(input.urls.saml2);
  const idpSso =
    `<IDPSSODescriptor protocolSupportEnumeration="${NS.samlp}">${keys}` +
    `<SingleLogoutService Binding="${BINDING.redirect}" Location="${saml2}"/>` +
    `<SingleSignOnService Binding="${BINDING.redirect}" Location="${saml2}"/>` +
    `<SingleSignOnService Binding="${BINDING.post}" Location="${saml2}"/>` +
    `</IDPSSODescriptor>`;
  const id = newSamlId();
  const unsigned = `<?xml version="1.0" encoding="utf-8"?><EntityDescriptor ID="${id}" entityID="${escapeXml(input.entityId)}" xmlns="${NS.md}">${sts}${appService}${idpSso}</EntityDescriptor>`;
  return asEntraWritesIt(signEnveloped(unsigned, input.signer, `/*[local-name(.)='EntityDescriptor']`));
}

/**
 * Entra's serializer, as the real documents show it: a UTF-8 BOM before the declaration, and a space before
 * "/>" in empty elements. Canonicalization ignores both, so the signature made before stays valid.
 */
function asEntraWritesIt(signed: string): string {
  return `\uFEFF${signed.replace(/"\/>/g, '" />')}`;
}
