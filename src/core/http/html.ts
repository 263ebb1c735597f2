import { createHash } from 'node:crypto';
import { escapeHtml } from '../xml/escape';

const SAFE = Symbol('SafeHtml');

/**
 * Markup the harness vouches for: built by the `html` template (every interpolated value escaped) or marked
 * trusted on purpose. A page handler can only answer with this type, so an unescaped value cannot reach a page.
 */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly markup: string;
}

/** What a template may interpolate: text (escaped), numbers, markup already safe, lists of these; nothing for null. */
export type HtmlValue = string | number | SafeHtml | readonly HtmlValue[] | null | undefined | false;

const safe = (markup: string): SafeHtml => ({ [SAFE]: true, markup });

export function isSafeHtml(v: unknown): v is SafeHtml {
  return typeof v === 'object' && v !== null && (v as { [SAFE]?: unknown })[SAFE] === true;
}

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return escapeHtml(v);
  if (isSafeHtml(v)) return v.markup;
  return (v as readonly HtmlValue[]).map(render).join('');
}

/** The one way pages are built: `html\`<p>${value}</p>\`` escapes value unless it is SafeHtml already. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return safe(out);
}

/**
 * Markup taken as it is: the harness's own constant style sheets, or a page a run already recorded (shown only
 * inside a sandbox). Never a value from a request, a workspace record or a file.
 */
export function trustedHtml(markup: string): SafeHtml {
  return safe(markup);
}

const ownScriptHashes = new Set<string>();

/**
 * An inline script of the harness's own (a constant): its hash joins the Content-Security-Policy of every page,
 * so it runs while a script injected into a page would not.
 */
export function ownScript(code: string): SafeHtml {
  ownScriptHashes.add(`'sha256-${createHash('sha256').update(code).digest('base64')}'`);
  return safe(`<script>${code}</script>`);
}

/** The CSP source list of the harness's own inline scripts. */
export function ownScriptSources(): string {
  return [...ownScriptHashes].sort().join(' ');
}
