import type { Diagnosis } from '../core/diagnose/diagnose';
import type { VendorVerdict } from '../core/diagnose/vendor-verdict';
import { hopLine } from './format-flow';
import type { Term } from './term';

const WHERE = { entra: 'Entra', vendor: 'Vendor', capture: 'Capture' } as const;

function verdictLines(v: VendorVerdict, t: Term): string[] {
  const o = v.outcome;
  const head =
    o.kind === 'refused'
      ? t.red(`✗ ${o.error.code}${o.error.name !== o.error.code ? ` ${o.error.name}` : ''} (HTTP ${o.error.httpStatus})`)
      : o.kind === 'undetermined'
        ? t.yellow(`? undetermined: ${o.reason === 'signer-unknown' ? 'signer unknown' : 'the assertion is encrypted'}`)
        : t.green(`✓ signs in ${o.identity.nameId}${o.diff ? ` — ${o.diff.action}` : ''}`);
  const counts = { pass: 0, warn: 0, fail: 0, skipped: 0 };
  for (const c of v.report.checks) if (!c.informational) counts[c.status]++;
  const notable = v.report.checks.filter((c) => c.status === 'fail' || c.status === 'warn' || (c.status === 'skipped' && /not decided|could not be (read|decrypted)/.test(c.reason)));
  const mark = (status: string) => (status === 'fail' ? t.red('✗') : t.yellow(status === 'warn' ? '!' : '?'));
  return [
    t.bold(`${v.displayName}${v.addressed ? t.dim(`  (the response is addressed to ${v.urls.replyUrl})`) : ''}`),
    `  ${head}`,
    ...(o.kind === 'refused' ? [`    ${o.error.message}`, `    ${t.dim('Why:')} ${o.error.reason}`] : o.kind === 'undetermined' ? [`    ${o.message}`] : []),
    ...(o.kind === 'signed-in' && o.diff ? o.diff.changes.map((c) => `    ${c.field}: ${JSON.stringify(c.before) ?? '—'} → ${JSON.stringify(c.after)}`) : []),
    `  SAML checks: ${t.green(`${counts.pass} pass`)}, ${counts.warn ? t.yellow(`${counts.warn} warn, `) : ''}${counts.fail ? t.red(`${counts.fail} fail`) : '0 fail'}, ${counts.skipped} skipped`,
    ...notable.map((c) => `    ${mark(c.status)} ${c.title}: ${t.dim(c.reason)}`),
    ...(v.signer
      ? [
          `  Signed by ${v.signer.subject}, thumbprint ${v.signer.thumbprint}${v.signer.known ? '' : t.yellow(v.trust === 'assumed' ? ' (assumed: nothing is known of the IdP)' : ` (not a certificate ${v.trust === 'given' ? 'given or ' : ''}this vendor holds)`)}`,
        ]
      : []),
    ...v.findings.flatMap((f) => [`  ${t.bold('Mistake:')} ${f.title}`, `    ${t.dim(f.detail)}`, ...(f.preset ? [`    ${t.dim(`Reproduce it: saml-harness reproduce ${f.preset}`)}`] : [])]),
    ...v.assumptions.map((a) => `  ${t.yellow('Assumed:')} ${a}`),
    ...(v.fixes.length ? [`  ${t.bold('Fix:')}`] : []),
    ...v.fixes.flatMap((f) => [`    ${WHERE[f.where]} › ${f.setting}: ${f.change}`, `      ${t.dim(`because ${f.because}`)}`]),
  ];
}

/** The diagnosis for a person: the rebuilt trace, Entra's part, each vendor's answer and the fixes. */
export function formatDiagnosis(d: Diagnosis, source: string, t: Term): string {
  const a = d.artefact;
  const lines: string[] = [
    t.bold(`Diagnosis of ${source} (${a.description}${a.hops.length ? `: ${a.hops.length} sign-in hops${a.skipped ? `, ${a.skipped} other entries left out` : ''}` : ''})`),
    `As of ${d.asOf.time} (${d.asOf.mode === 'now' ? 'now' : d.asOf.mode === 'issue-instant' ? "the response's IssueInstant" : 'the time given'})${d.asOf.note ? `\n  ${t.yellow(d.asOf.note)}` : ''}`,
    ...(a.limited ? [t.yellow(a.limited.note)] : []),
    ...(d.notes ?? []).map((n) => t.yellow(n)),
    '',
  ];
  if (a.hops.length) lines.push(t.bold('Trace'), ...a.hops.flatMap((h) => hopLine(h, t)), '');
  for (const e of d.entra) {
    lines.push(
      t.bold(`Entra: ${e.code}${e.name ? ` (${e.name})` : ''} in ${e.where === 'error page' ? 'an error page' : 'an error Response'}`),
      `  ${e.message}`,
      ...(e.fix ? [`  ${t.dim('Fix:')} ${e.fix}`] : []),
      '',
    );
  }
  if (d.request) {
    const r = d.request;
    lines.push(
      t.bold(`AuthnRequest ${r.id ?? ''}${r.issuer ? ` from ${r.issuer}` : ''}`),
      `  ${r.entra.ok ? t.green('Entra would take it') : t.red(`Entra would refuse it: ${r.entra.message}`)}`,
      ...(r.entra.ok ? [] : [`  ${t.dim('Fix:')} ${r.entra.fix}`]),
      ...r.notes.map((n) => `  ${t.dim(n)}`),
      '',
    );
  }
  for (const v of d.verdicts) lines.push(...verdictLines(v, t), '');
  lines.push(`${t.bold('Summary:')} ${d.summary}`);
  return `${lines.join('\n')}\n`;
}
