import { VH_PREFIX } from '../http/loopback-urls';
/** Entra's real hosts. The host maps them to loopback; a Reply URL typed wrongly fails as it would in Azure. */
export const ENTRA_LOGIN_ORIGIN = 'https://login.microsoftonline.com';
export const MYAPPS_ORIGIN = 'https://launcher.myapps.microsoft.com';

export function entraIssuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

export interface IdpUrls {
  /** Login URL (SSO, both bindings) and Logout URL: Entra serves both at /{tenant}/saml2. */
  saml2: string;
  wsfed: string;
  /** Issuer of LogoutResponses, as Entra writes it. */
  logoutIssuer: string;
  appMetadata(appId: string): string;
  /** My Apps / "Test single sign-on" launch URL for IdP-initiated sign-in. */
  userAccess(appId: string): string;
  /** Where a My Apps launch continues on the login host (the harness's model of Entra's internal hop). */
  idpInitiated(appId: string): string;
}

/** `origin` is the real Entra origin unless an outside client needs loopback URLs (the CLI's serve). */
export function idpUrls(tenantId: string, origin: string = ENTRA_LOGIN_ORIGIN, myAppsOrigin: string = MYAPPS_ORIGIN): IdpUrls {
  return {
    saml2: `${origin}/${tenantId}/saml2`,
    wsfed: `${origin}/${tenantId}/wsfed`,
    logoutIssuer: `${origin}/${tenantId}/`,
    appMetadata: (appId) => `${origin}/${tenantId}/federationmetadata/2007-06/federationmetadata.xml?appid=${appId}`,
    userAccess: (appId) => `${myAppsOrigin}/api/signin/${appId}?tenantId=${tenantId}`,
    idpInitiated: (appId) => `${origin}/${tenantId}/idpinitiated?appid=${appId}`,
  };
}

/**
 * Entra's URLs in the form a real browser and SP on this machine reach: the same paths under the harness's
 * origin (http or https). Identifiers (the Issuer) never change; only endpoints do.
 */
export function reachableIdpUrls(tenantId: string, origin: string): IdpUrls {
  return idpUrls(tenantId, `${origin}${VH_PREFIX}${new URL(ENTRA_LOGIN_ORIGIN).host}`, `${origin}${VH_PREFIX}${new URL(MYAPPS_ORIGIN).host}`);
}
