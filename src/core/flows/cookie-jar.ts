/** Cookies per (real) host, as a browser keeps them for login.microsoftonline.com and each vendor. */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  header(host: string): string | undefined {
    const jar = this.byHost.get(host.toLowerCase());
    if (!jar || jar.size === 0) return undefined;
    return [...jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  names(host: string): string[] {
    return [...(this.byHost.get(host.toLowerCase())?.keys() ?? [])];
  }

  /** Applies Set-Cookie headers; Max-Age=0 or an empty value deletes. */
  store(host: string, setCookies: readonly string[]): void {
    const key = host.toLowerCase();
    const jar = this.byHost.get(key) ?? new Map<string, string>();
    for (const line of setCookies) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.byHost.set(key, jar);
  }

  get(host: string, name: string): string | undefined {
    return this.byHost.get(host.toLowerCase())?.get(name);
  }

  clear(host?: string): void {
    if (host) this.byHost.delete(host.toLowerCase());
    else this.byHost.clear();
  }
}
