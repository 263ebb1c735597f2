import { CoreError, err, ok, type Result } from '../base/errors';
import type { SamlTracerExport, SamlTracerRequest } from '../trace/saml-tracer';
import { resolveUrl } from '../flows/html-forms';
import type { CapturedEntry } from './captured';

type Headers = SamlTracerRequest['requestHeaders'];

/** Headers as {name, value}; exports older than SAML-tracer 1.0 wrote [name, value] pairs. */
function headerList(h: Headers): Array<{ name: string; value: string }> {
  return (h ?? []).map((x) => (Array.isArray(x) ? { name: String(x[0]), value: String(x[1]) } : { name: String(x.name), value: String(x.value) }));
}

function entry(r: SamlTracerRequest, i: number): Result<CapturedEntry> {
  if (typeof r?.url !== 'string' || typeof r.method !== 'string') return err(new CoreError('SAML_TRACER_INVALID', `requests[${i}] has no method or url`));
  const req = headerList(r.requestHeaders);
  const res = headerList(r.responseHeaders);
  const find = (list: typeof req, name: string) => list.find((x) => x.name.toLowerCase() === name)?.value;
  const location = find(res, 'location');
  const contentType = find(res, 'content-type');
  const cookieHeader = find(req, 'cookie');
  const status = Number(r.responseStatus);
  return ok({
    method: r.method.toUpperCase(),
    url: r.url,
    status: Number.isFinite(status) ? status : 0,
    requestCookies: cookieHeader ? cookieHeader.split(/;\s*/).map((c) => c.split('=')[0]!) : [],
    setCookies: res.filter((x) => x.name.toLowerCase() === 'set-cookie').map((x) => x.value.split(';')[0]!),
    durationMs: 0,
    ...(location ? { location: resolveUrl(location, r.url) } : {}),
    ...(contentType ? { contentType } : {}),
    ...(r.post?.length ? { form: Object.fromEntries(r.post.map(([k, v]) => [String(k), String(v)])) } : {}),
    ...(r.saml ? { decodedSaml: r.saml } : {}),
  });
}

/** The requests of a SAML-tracer export, in the order it recorded them. */
export function readSamlTracer(doc: Partial<SamlTracerExport>): Result<CapturedEntry[]> {
  if (!Array.isArray(doc.requests)) return err(new CoreError('SAML_TRACER_INVALID', 'The SAML-tracer export has no requests array.'));
  const out: CapturedEntry[] = [];
  for (const [i, r] of doc.requests.entries()) {
    const e = entry(r, i);
    if (!e.ok) return e;
    out.push(e.value);
  }
  return ok(out);
}
