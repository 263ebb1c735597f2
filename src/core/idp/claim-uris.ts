/** Claim names Entra uses; the namespaces are what the "Attributes & Claims" blade shows. */
export const WS_CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';
export const MS_IDENTITY_CLAIMS = 'http://schemas.microsoft.com/identity/claims';

export const CLAIM = {
  tenantid: `${MS_IDENTITY_CLAIMS}/tenantid`,
  objectidentifier: `${MS_IDENTITY_CLAIMS}/objectidentifier`,
  displayname: `${MS_IDENTITY_CLAIMS}/displayname`,
  identityprovider: `${MS_IDENTITY_CLAIMS}/identityprovider`,
  authnmethodsreferences: 'http://schemas.microsoft.com/claims/authnmethodsreferences',
  groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
  role: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role',
  groupsLink: 'http://schemas.microsoft.com/claims/groups.link',
} as const;

export const AUTH_METHOD_URI = {
  password: 'http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password',
  x509: 'http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/x509',
  mfa: 'http://schemas.microsoft.com/claims/multipleauthn',
} as const;

/** Entra drops the group claim past this many groups and sends groups.link instead (150 for SAML). */
export const GROUP_OVERAGE_LIMIT = 150;

export function claimName(name: string, namespace?: string): string {
  if (!namespace) return name;
  return `${namespace.replace(/\/+$/, '')}/${name}`;
}
