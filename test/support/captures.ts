import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hop } from '../../src/core/flows/user-agent';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { handleApiCall } from '../../src/core/runtime/api-handlers';
import type { Har, HarEntry } from '../../src/core/trace/har';

/** A workspace with ImageKit configured from its app's metadata, as after the guide's last step. */
export async function capturingWorkspace() {
  const dir = await mkdtemp(join(tmpdir(), 'harness-capture-'));
  const rt = await HarnessRuntime.open({ dir });
  const app = rt.view().apps.find((a) => a.vendorId === 'imagekit')!;
  const md = await handleApiCall(rt, 'apps.metadata', { objectId: app.objectId });
  if (!md.ok) throw new Error(md.message);
  const configured = await handleApiCall(rt, 'vendors.configure', { vendorId: 'imagekit', input: { method: 'metadata-xml', metadataXml: (md.value as { xml: string }).xml } });
  if (!configured.ok) throw new Error(configured.message);
  return {
    rt,
    vendors: () => [...rt.vendors].map(([id, sp]) => ({ id, sp })),
    close: async () => {
      await rt.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const postedResponse = (hops: readonly Hop[]): string => hops.find((h) => h.form?.SAMLResponse)!.form!.SAMLResponse!;

const noise = (at: string, method: string, url: string, mimeType: string, text?: string): HarEntry => ({
  startedDateTime: at,
  time: 12,
  request: { method, url, httpVersion: 'HTTP/2', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
  response: {
    status: 200,
    statusText: 'OK',
    httpVersion: 'HTTP/2',
    headers: [{ name: 'content-type', value: mimeType }],
    cookies: [],
    content: { size: text?.length ?? 0, mimeType, ...(text ? { text } : {}) },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
  },
  cache: {},
  timings: { send: 0, wait: 12, receive: 0 },
});

/**
 * A HAR as a customer's browser leaves it: other sites, scripts and images between the SSO hops, a 5 MB bundle,
 * a CORS preflight, Entra's own XHR, entries out of order, and form posts with only (URL-encoded) params.
 */
export function asBrowserLeavesIt(har: Har): { har: Har; added: number } {
  const entries = har.log.entries.map((e) => structuredClone(e));
  const t = (i: number) => new Date(Date.parse(entries[0]!.startedDateTime) + i).toISOString();
  const extra: HarEntry[] = [
    noise(t(1), 'GET', 'https://imagekit.io/favicon.ico', 'image/x-icon'),
    noise(t(2), 'GET', 'https://www.google-analytics.com/g/collect?v=2&tid=G-XYZ', 'text/plain'),
    noise(t(3), 'GET', 'https://aadcdn.msftauth.net/shared/1.0/content/js/ConvergedLogin_PCore.js', 'application/javascript', `/*bundle*/${'x'.repeat(5 * 1024 * 1024)}`),
    noise(t(4), 'OPTIONS', 'https://imagekit.io/api/v1/session', 'text/plain'),
    noise(t(5), 'POST', 'https://login.microsoftonline.com/common/GetCredentialType?mkt=en-US', 'application/json', '{"Username":"x","IfExistsResult":0}'),
    noise(t(6), 'GET', 'https://imagekit.io/static/css/main.css', 'text/css', 'body{}'),
    // Where RelayState takes the user once signed in: after the last hop.
    noise(new Date(Date.parse(entries.at(-1)!.startedDateTime) + 1000).toISOString(), 'GET', 'https://imagekit.io/dashboard', 'text/html', '<html><title>ImageKit</title></html>'),
  ];
  extra[4]!.request.postData = { mimeType: 'application/json', text: '{"username":"adele"}' };
  for (const e of entries) {
    const post = e.request.postData;
    if (post?.params) e.request.postData = { mimeType: post.mimeType, params: post.params.map((p) => ({ name: p.name, value: encodeURIComponent(p.value) })) };
  }
  const mixed = [...entries, ...extra].reverse();
  return { har: { log: { ...har.log, entries: mixed } }, added: extra.length };
}
