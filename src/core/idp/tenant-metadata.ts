import { generateSelfSignedCertificate } from '../crypto/generate';
import { buildFederationMetadata } from './metadata';
import type { AppCertificate, Tenant } from './model';
import { entraIssuer, type IdpUrls } from './urls';

/** The subject of Entra's tenant-wide signing keys, as the real tenant metadata lists them. */
export const TENANT_KEY_SUBJECT = 'CN=accounts.accesscontrol.windows.net';

/**
 * The tenant's two signing keys (the current one and the next, as a rollover publishes them), made once and
 * kept on the tenant. Returns whether they were made now, so a caller that persists the tenant can save it.
 */
export async function ensureTenantKeys(tenant: Tenant, now: Date): Promise<boolean> {
  if (tenant.signingKeys?.length) return false;
  const make = async (active: boolean, from: Date): Promise<AppCertificate> => {
    const g = await generateSelfSignedCertificate({ now: from, years: 2, subject: TENANT_KEY_SUBJECT });
    return { thumbprint: g.thumbprint, certificatePem: g.certificatePem, privateKeyPem: g.privateKeyPem, notBefore: g.notBefore, notAfter: g.notAfter, active };
  };
  tenant.signingKeys = [await make(true, new Date(now.getTime() - 90 * 86400_000)), await make(false, now)];
  return true;
}

/**
 * The tenant-level Federation Metadata XML (federationmetadata.xml without ?appid=): the same document shape,
 * listing the tenant-wide keys and signed by the current one. A SAML app signs with its own certificate, so an
 * SP configured from this document refuses the app's responses — the classic mistake.
 */
export async function tenantFederationMetadata(tenant: Tenant, urls: IdpUrls, now: Date): Promise<string> {
  await ensureTenantKeys(tenant, now);
  const keys = tenant.signingKeys;
  return buildFederationMetadata({ entityId: entraIssuer(tenant.id), urls, certificates: keys, signer: keys.find((k) => k.active) ?? keys[0]! });
}
