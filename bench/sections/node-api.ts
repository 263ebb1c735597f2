import { readFile } from 'node:fs/promises';
import { request } from 'node:https';
import { SAML } from '@node-saml/node-saml';
import { startMockEntra, type MockEntra } from '../../src/api/index';
import { summarize, type Timing } from '../stats';

export interface NodeApiResult {
  /** startMockEntra() to an app's metadata served over HTTP: what a test suite waits for in its set-up. */
  startToMetadata: Timing;
  /** One sign-in by an outside SP (node-saml, in this process) over HTTPS with the local CA: request to validated profile. */
  outsideSignInHttps: Timing;
}

const SP = { entityId: 'urn:bench:outside-sp', acs: 'http://127.0.0.1:4998/acs' };

/** A GET over HTTPS trusting only the workspace's CA, as an SP configured with NODE_EXTRA_CA_CERTS does. */
function getHttps(url: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

export async function nodeApiBench(starts = 10, signIns = 200): Promise<NodeApiResult> {
  const startSamples: number[] = [];
  for (let i = 0; i < starts; i++) {
    const t = performance.now();
    const e = await startMockEntra();
    const app = await e.addApp({ name: 'Bench', identifier: SP.entityId, replyUrl: SP.acs });
    const res = await fetch(app.metadataUrl);
    if (!(await res.text()).includes('EntityDescriptor')) throw new Error('no metadata');
    startSamples.push(performance.now() - t);
    await e.stop();
  }
  const entra: MockEntra = await startMockEntra({ https: true });
  try {
    const ca = await readFile(entra.caFile!, 'utf8');
    const app = await entra.addApp({ name: 'Bench', identifier: SP.entityId, replyUrl: SP.acs });
    const https = app.metadataUrl.replace(entra.origin, entra.httpsOrigin!);
    const cert = /<X509Certificate>([^<]+)</.exec(await getHttps(https, ca))![1]!;
    const sp = new SAML({
      entryPoint: entra.loginUrl.replace(entra.origin, entra.httpsOrigin!),
      idpIssuer: entra.issuer,
      issuer: SP.entityId,
      callbackUrl: SP.acs,
      idpCert: cert,
      wantAuthnResponseSigned: false,
      audience: SP.entityId,
    });
    const one = async () => {
      const page = await getHttps(await sp.getAuthorizeUrlAsync('', undefined, {}), ca);
      const samlResponse = /name="SAMLResponse" value="([^"]+)"/.exec(page)?.[1];
      if (!samlResponse) throw new Error('the outside sign-in got no response');
      const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: samlResponse });
      if (!profile?.nameID) throw new Error('node-saml did not accept the response');
    };
    for (let i = 0; i < Math.min(20, signIns); i++) await one();
    const samples: number[] = [];
    for (let i = 0; i < signIns; i++) {
      const t = performance.now();
      await one();
      samples.push(performance.now() - t);
    }
    return { startToMetadata: summarize(startSamples), outsideSignInHttps: summarize(samples) };
  } finally {
    await entra.stop();
  }
}
