import { CoreError, err, ok, type Result } from '../base/errors';
import type { HarEntry, HarNameValue } from '../trace/har';
import { resolveUrl } from '../flows/html-forms';
import type { CapturedEntry } from './captured';

const header = (headers: readonly HarNameValue[] | undefined, name: string): string | undefined => headers?.find((h) => h.name?.toLowerCase() === name)?.value;

/** Form values as the page sent them: from the body text when there is one, else from params (which Chrome leaves URL-encoded). */
function formOf(post: HarEntry['request']['postData']): Record<string, string> | undefined {
  if (!post) return undefined;
  const type = post.mimeType ?? '';
  if (post.text && /x-www-form-urlencoded/i.test(type)) return Object.fromEntries(new URLSearchParams(post.text));
  if (!post.params?.length) return undefined;
  const decode = (v: string) => {
    if (!v.includes('%')) return v;
    try {
      return decodeURIComponent(v.replace(/\+/g, ' '));
    } catch {
      return v;
    }
  };
  return Object.fromEntries(post.params.map((p) => [decode(p.name), decode(p.value ?? '')]));
}

function bodyOf(content: HarEntry['response']['content'] | undefined): string | undefined {
  if (!content?.text) return undefined;
  if (content.encoding === 'base64') return Buffer.from(content.text, 'base64').toString('utf8');
  return content.text;
}

function entry(e: HarEntry, i: number): Result<CapturedEntry> {
  const req = e?.request;
  const res = e?.response;
  if (!req || typeof req.url !== 'string' || typeof req.method !== 'string') return err(new CoreError('HAR_INVALID', `log.entries[${i}].request has no method or url`));
  const location = res?.redirectURL || header(res?.headers, 'location');
  const contentType = res?.content?.mimeType || header(res?.headers, 'content-type');
  const form = formOf(req.postData);
  const body = bodyOf(res?.content);
  return ok({
    method: req.method.toUpperCase(),
    url: req.url,
    status: typeof res?.status === 'number' ? res.status : 0,
    requestCookies: (req.cookies ?? []).map((c) => c.name),
    setCookies: (res?.headers ?? []).filter((h) => h.name?.toLowerCase() === 'set-cookie').map((h) => h.value.split(';')[0]!),
    durationMs: typeof e.time === 'number' && e.time >= 0 ? e.time : 0,
    ...(location ? { location: resolveUrl(location, req.url) } : {}),
    ...(contentType ? { contentType } : {}),
    ...(form ? { form } : {}),
    ...(body !== undefined ? { bodyText: body } : {}),
  });
}

/** The entries of a HAR file (HTTP Archive 1.2), in the order the browser made them. */
export function readHar(doc: { log?: { entries?: unknown } }): Result<CapturedEntry[]> {
  const entries = doc.log?.entries;
  if (!Array.isArray(entries)) return err(new CoreError('HAR_INVALID', 'The HAR file has no log.entries array.'));
  const sorted = [...(entries as HarEntry[])].map((e, i) => ({ e, i })).sort((a, b) => (Date.parse(a.e?.startedDateTime) || 0) - (Date.parse(b.e?.startedDateTime) || 0) || a.i - b.i);
  const out: CapturedEntry[] = [];
  for (const { e, i } of sorted) {
    const r = entry(e, i);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}
