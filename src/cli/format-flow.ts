import type { FlowResult } from '../core/flows/flows';
import type { Hop } from '../core/flows/user-agent';
import type { SamlMessageView } from '../core/flows/saml-message-view';
import type { ValidationReport } from '../core/sp/report';
import type { Term } from './term';

const FLOW_TITLE: Record<FlowResult['flow'], string> = {
  'sp-initiated': 'SP-initiated sign-in',
  'idp-initiated': 'IdP-initiated sign-in',
  'sp-logout': 'SP-initiated logout',
  'acs-post': 'POST to the ACS',
  external: 'Sign-in by an outside SP',
};

const shortUrl = (u: string): string => {
  const url = new URL(u);
  return `${url.origin}${url.pathname}${url.search ? '?…' : ''}`;
};

function message(m: SamlMessageView, t: Term): string[] {
  const head = `${m.param} (${m.binding === 'redirect' ? 'HTTP-Redirect' : 'HTTP-POST'}) ${m.kind ?? '?'}${m.id ? ` ${m.id}` : ''}`;
  const facts = [
    m.issuer ? `Issuer ${m.issuer}` : '',
    m.inResponseTo ? `InResponseTo ${m.inResponseTo}` : '',
    m.status && !m.status.endsWith(':Success') ? `Status ${m.status.split(':').pop()}` : '',
    m.relayState !== undefined ? `RelayState ${JSON.stringify(m.relayState)}` : '',
  ].filter(Boolean);
  const sigs = m.signatures.map((s) => `${s.element}${s.signatureAlgorithm ? ` ${s.signatureAlgorithm.split('#').pop()}` : ''}${s.certificateThumbprint ? ` cert ${s.certificateThumbprint}` : ''}`);
  return [
    `       ${t.cyan(head)}`,
    ...(facts.length ? [`         ${t.dim(facts.join(' · '))}`] : []),
    `         ${t.dim(`signed: ${sigs.length ? sigs.join('; ') : 'nothing'}`)}`,
    ...(m.error ? [`         ${t.red(m.error)}`] : []),
  ];
}

export function hopLine(h: Hop, t: Term): string[] {
  const status = h.status >= 400 ? t.red(String(h.status)) : String(h.status);
  const picked = h.form?.login ? `picked ${h.form.login} · ` : '';
  const what = picked + (h.location ? `→ ${shortUrl(h.location)}` : h.page?.aadsts ? t.red(`AADSTS${h.page.aadsts}`) : (h.page?.kind ?? h.page?.title ?? ''));
  return [`  ${String(h.index + 1).padStart(2)}  ${h.method.padEnd(4)} ${shortUrl(h.url)}  ${status}  ${t.dim(what)}`, ...h.saml.flatMap((m) => message(m, t))];
}

export function formatReport(report: ValidationReport, t: Term): string[] {
  const mark = (s: string) => (s === 'pass' ? t.green('✓') : s === 'fail' ? t.red('✗') : t.dim('–'));
  return [
    t.bold(`Validation report (evaluated at ${report.evaluatedAt}): ${report.ok ? t.green('accepted') : t.red('refused')}`),
    ...report.checks.map((c) => `  ${mark(c.status)} ${c.title}${c.informational ? t.dim(' (second opinion)') : ''}\n      ${t.dim(c.reason)}${c.element ? t.dim(` at ${c.element}`) : ''}`),
  ];
}

function outcome(r: FlowResult, t: Term): string {
  const o = r.outcome;
  if (o.status === 'signed-in') return t.green(`Signed in to ${o.sp} as ${o.identity.nameId}`);
  if (o.status === 'signed-out') return t.green(`Signed out of ${o.sp}`);
  if (o.status === 'issued') return t.green(`Issued a response${o.user ? ` for ${o.user}` : ''} to ${o.acsUrl}`);
  return t.red(`${o.code}${o.httpStatus ? ` (HTTP ${o.httpStatus})` : ''} from ${o.source}: ${o.message}`);
}

/** A trace and report for a person to read, like SAML-tracer and a checklist. */
export function formatFlow(r: FlowResult, t: Term, opts: { xml?: boolean } = {}): string {
  const lines = [
    t.bold(`${FLOW_TITLE[r.flow]} — ${r.hops.length} hops in ${r.durationMs} ms`),
    ...r.hops.flatMap((h) => hopLine(h, t)),
    '',
    ...(r.report ? [...formatReport(r.report, t), ''] : []),
    `${t.bold('Outcome:')} ${outcome(r, t)}`,
  ];
  if (opts.xml) {
    for (const h of r.hops) for (const m of h.saml) lines.push('', t.bold(`${m.param} at hop ${h.index + 1}`), m.pretty ?? m.error ?? '');
  }
  return lines.join('\n') + '\n';
}
