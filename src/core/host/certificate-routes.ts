import type { EntraIdp } from '../idp/entra-idp';
import { pemToBase64 } from '../crypto/pem';
import { text, type VirtualRequest, type VirtualResponse } from '../http/http-types';
import { router, type RoutedHandler } from '../http/router';

/**
 * The portal's certificate downloads: "Certificate (Base64)" (PEM text in a .cer), "Certificate (Raw)" (DER).
 * Entra serves these only from the portal, so the harness serves them on its own API path:
 * /api/idp/apps/{appId}/certificate?format=base64|raw[&thumbprint=…] (default: the active certificate).
 */
export function certificateDownloadHandler(idp: EntraIdp): RoutedHandler {
  return router([{ method: 'GET', path: '/api/idp/apps/{appId}/certificate', query: ['format', 'thumbprint'], handle: (req, { appId }) => download(idp, req, appId ?? '') }], async () =>
    text('Not found', 404),
  );
}

async function download(idp: EntraIdp, req: VirtualRequest, appId: string): Promise<VirtualResponse> {
  const app = idp.apps().find((a) => a.appId === appId);
  if (!app) return text('No such application.', 404);
  const thumbprint = req.url.searchParams.get('thumbprint');
  const cert = app.signing.certificates.find((c) => (thumbprint ? c.thumbprint === thumbprint.toUpperCase() : c.active));
  if (!cert) return text('No such certificate.', 404);
  const format = req.url.searchParams.get('format') ?? 'base64';
  const name = app.displayName.replace(/[^\w.-]+/g, '_');
  if (format === 'base64') {
    return { status: 200, headers: { 'content-type': 'application/x-x509-ca-cert', 'content-disposition': `attachment; filename="${name}.cer"` }, body: cert.certificatePem };
  }
  if (format === 'raw') {
    return {
      status: 200,
      headers: { 'content-type': 'application/pkix-cert', 'content-disposition': `attachment; filename="${name}.cer"` },
      body: Buffer.from(pemToBase64(cert.certificatePem), 'base64'),
    };
  }
  return text(`Unknown format "${format}"; use base64 or raw.`, 400);
}
