import type { VendorProfile } from '../vendors/profile';

const MARK = '\u0000';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The placeholder values ({org}, {subdomain}) that make one of the vendor's URLs equal to a URL seen in a
 * response — its Destination or Audience — or undefined if no values do.
 */
export function inferParams(profile: VendorProfile<unknown>, seen: readonly string[]): Record<string, string> | undefined {
  const names = Object.keys(profile.placeholders);
  const marked = profile.urls(Object.fromEntries(names.map((n) => [n, `${MARK}${n}${MARK}`])));
  for (const template of [marked.replyUrl, marked.identifier]) {
    const order: string[] = [];
    const pattern = escape(template).replace(new RegExp(`${MARK}(\\w+)${MARK}`, 'g'), (_m, name: string) => {
      order.push(name);
      return '([^/?#]+)';
    });
    const re = new RegExp(`^${pattern}$`);
    for (const url of seen) {
      const m = re.exec(url);
      if (m) return Object.fromEntries(order.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
    }
  }
  return undefined;
}
