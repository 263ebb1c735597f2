import { parse, type HTMLElement } from 'node-html-parser';

export interface HtmlForm {
  action: string;
  method: 'GET' | 'POST';
  fields: Record<string, string>;
  /** The form posts itself from a script, as SAML POST-binding pages do. */
  autoSubmit: boolean;
  element: HTMLElement;
}

export interface HtmlPage {
  root: HTMLElement;
  title: string;
  forms: HtmlForm[];
  /** data-aadsts on an Entra error page; data-page on other known pages. */
  aadsts?: number;
  pageKind?: string;
  /** Where a <meta http-equiv="refresh"> sends the browser on. */
  refresh?: string;
}

/** A link or action resolved against its page; a capture may carry an address that is no URL, kept as written. */
export function resolveUrl(relative: string, base: string): string {
  try {
    return new URL(relative, base).toString();
  } catch {
    return relative;
  }
}

export function parseHtmlPage(html: string, baseUrl: string): HtmlPage {
  const root = parse(html, { comment: false });
  const autoScript = root.querySelectorAll('script').some((s) => /\.submit\(\)/.test(s.text));
  const forms = root.querySelectorAll('form').map((f): HtmlForm => {
    const fields: Record<string, string> = {};
    for (const input of f.querySelectorAll('input')) {
      const name = input.getAttribute('name');
      if (name && input.getAttribute('type') !== 'submit') fields[name] = input.getAttribute('value') ?? '';
    }
    return {
      action: resolveUrl(f.getAttribute('action') ?? baseUrl, baseUrl),
      method: (f.getAttribute('method') ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET',
      fields,
      autoSubmit: autoScript,
      element: f,
    };
  });
  const code = root.querySelector('[data-aadsts]')?.getAttribute('data-aadsts');
  const refresh = /^\s*\d+\s*;\s*url=(.+)$/i.exec(root.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content') ?? '')?.[1]?.trim();
  const kind = root.querySelector('[data-page]')?.getAttribute('data-page');
  return {
    root,
    title: root.querySelector('title')?.text.trim() ?? '',
    forms,
    ...(refresh ? { refresh: resolveUrl(refresh, baseUrl) } : {}),
    ...(code ? { aadsts: Number(code), pageKind: 'aadsts-error' } : kind ? { pageKind: kind } : {}),
  };
}
