/**
 * An absolute http(s) URL, as every address the harness navigates to or puts in a page must be: a Reply URL, a
 * Sign on or Logout URL, a Relay State target. `javascript:`, `data:` and relative values are refused, so a
 * crafted record or metadata file cannot plant a script where a browser would follow the address.
 */
export function isWebUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.host !== '';
  } catch {
    return false;
  }
}

export const WEB_URL_MESSAGE = 'must be an absolute http:// or https:// URL';
