import { parseArgs } from 'node:util';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { Conclusion, Diagnosis } from '../../core/diagnose/diagnose';
import { isCoreError } from '../../core/base/errors';
import { diagnoseText, type DiagnoseRequest } from '../../core/runtime/trace-ops';
import { defaultJobs, diagnoseFilesBatch } from '../diagnose-batch';
import { findArtefactFiles } from '../files';
import { formatDiagnosis } from '../format-diagnosis';
import { readInput } from '../input';
import { withRuntime } from '../runtime';
import { term } from '../term';
import { VENDOR_LIST } from '../vendor-names';
import { InputError, UsageError } from '../usage';

export const DIAGNOSE_HELP = `Usage: saml-harness diagnose <file | - | URL | message> [options]
       saml-harness diagnose <files or folders…> [options]

Reads a customer's artefact — a HAR file, a SAML-tracer export, a URL with a SAMLRequest, a SAMLResponse as
XML or base64 — and says what Entra ID and each vendor would answer, why, and what to change. Given several
files or a folder, it diagnoses them all and prints a line for each.

Options:
  --vendor NAME      check against this vendor only (${VENDOR_LIST}, …);
                     by default, the vendors the response is addressed to
  --at WHEN          now (default), issue-instant (as of the response's IssueInstant: for old captures), or an
                     ISO 8601 time
  --cert FILE        the IdP's certificate (PEM or Base64), as the customer's vendor holds it; repeat for more
  --idp-metadata FILE
                     the IdP's metadata, as the customer's vendor holds it (entity ID and certificates)
  --sp-key FILE      the SP's private key (PEM), to decrypt an encrypted assertion
  --workspace DIR    use this workspace's vendor settings (default: yours if it exists, else the demo's);
                     it is only read: nothing in it is written, renamed or migrated
  --json             print the diagnosis (or every diagnosis) as JSON
  --cross-check      in a batch, also give node-saml's second opinion (on for a single artefact)
  --jobs N           in a batch, diagnose on N threads (default: a thread per 200 files, up to one per core)

Trust: a signer outside the certificates the vendor holds, or those given with --cert or --idp-metadata, fails
signature.trusted and the vendor refuses. Only when nothing at all is known of the IdP is the signer assumed,
and the verdict is then "undetermined: signer unknown", never "would sign in".

Exit codes: 0 the sign-in would work (or Entra would take the request), 1 Entra or the vendor would refuse it,
2 bad usage or unreadable input, 3 undetermined (signer unknown, or an encrypted assertion without --sp-key),
4 no SAML message in the input. A batch exits with the first of 1, 3, 4 that any artefact gives, else 0.
`;

function checkAt(value: string | undefined): string {
  if (value === undefined || value === 'now' || value === 'issue-instant') return value ?? 'now';
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new UsageError(`--at must be now, issue-instant or an ISO 8601 time, not "${value}"`);
  return time.toISOString();
}

function readFileOption(option: string, f: string): string {
  if (!existsSync(f) || !statSync(f).isFile()) throw new InputError(`--${option} ${f}: no such file`);
  return readFileSync(f, 'utf8');
}

/** The exit code of each conclusion; a batch takes the first of refused, undetermined and no-message it meets. */
const EXIT: Record<Conclusion, number> = { accepted: 0, refused: 1, undetermined: 3, 'no-message': 4 };
const BATCH_ORDER: Conclusion[] = ['refused', 'undetermined', 'no-message'];

/** Where a worker thread starts: this bundle (dist/cli.mjs); run from source (tsx), a batch stays in one thread. */
const WORKER_ENTRY = import.meta.url.endsWith('.mjs') ? new URL(import.meta.url) : undefined;

async function batch(paths: string[], req: DiagnoseRequest, values: { workspace?: string | undefined; json: boolean; jobs?: string | undefined }): Promise<number> {
  const jobs = values.jobs === undefined ? defaultJobs(paths.length) : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64, not "${values.jobs}"`);
  const files = paths.map((path) => ({ path, name: relative(process.cwd(), path) }));
  return withRuntime({ workspace: values.workspace, useDefault: true, readOnly: true }, async (rt, workspace) => {
    const t0 = performance.now();
    const results = await diagnoseFilesBatch({ rt, workspace, files, req, jobs, entry: WORKER_ENTRY });
    const ms = Math.round(performance.now() - t0);
    const tally = { accepted: 0, refused: 0, undetermined: 0, 'no-message': 0, unreadable: 0 };
    for (const r of results) tally[r.result.ok ? r.result.value.conclusion : 'unreadable']++;
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify(
          results.map((r) => (r.result.ok ? { file: r.name, diagnosis: r.result.value } : { file: r.name, error: r.result.error })),
          null,
          2,
        )}\n`,
      );
    } else {
      const t = term();
      for (const r of results) {
        const mark = r.result.ok ? { accepted: t.green('✓'), refused: t.red('✗'), undetermined: t.yellow('?'), 'no-message': t.dim('-') }[r.result.value.conclusion] : t.red('!');
        process.stdout.write(`${mark} ${r.name}  ${r.result.ok ? r.result.value.summary : r.result.error.message}\n`);
      }
      process.stdout.write(
        `\n${results.length} artefacts in ${ms} ms: ${tally.accepted} would sign in, ${tally.refused} refused, ${tally.undetermined} undetermined, ${tally['no-message']} with no SAML message, ${tally.unreadable} unreadable\n`,
      );
    }
    if (tally.refused || tally.unreadable) return 1;
    const first = BATCH_ORDER.find((c) => tally[c] > 0);
    return first ? EXIT[first] : 0;
  });
}

export async function diagnoseCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      vendor: { type: 'string' },
      at: { type: 'string' },
      cert: { type: 'string', multiple: true, default: [] },
      'idp-metadata': { type: 'string' },
      'sp-key': { type: 'string' },
      workspace: { type: 'string' },
      json: { type: 'boolean', default: false },
      'cross-check': { type: 'boolean', default: false },
      jobs: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(DIAGNOSE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('give a file, a folder, "-" for standard input, a URL or a message');
  const metadata = values['idp-metadata'];
  const key = values['sp-key'];
  const req: DiagnoseRequest = {
    at: checkAt(values.at),
    certificates: values.cert.map((f) => readFileOption('cert', f)),
    ...(metadata ? { idpMetadata: readFileOption('idp-metadata', metadata) } : {}),
    ...(key ? { spKey: readFileOption('sp-key', key) } : {}),
    ...(values.vendor ? { vendor: values.vendor } : {}),
  };
  const many = positionals.length > 1 || (existsSync(positionals[0]!) && statSync(positionals[0]!).isDirectory());
  if (many) {
    const files = await findArtefactFiles(positionals);
    if (!files.ok) throw new UsageError(files.error.message);
    return batch(files.value, { ...req, crossCheck: values['cross-check'] }, values);
  }
  const input = await readInput(positionals[0]!);
  return withRuntime({ workspace: values.workspace, useDefault: true, readOnly: true }, async (rt) => {
    let d: Diagnosis;
    try {
      d = await diagnoseText(rt, input.text, req);
    } catch (e) {
      if (isCoreError(e)) throw new InputError(`${input.name}: ${e.message}`);
      throw e;
    }
    process.stdout.write(values.json ? `${JSON.stringify(d, null, 2)}\n` : formatDiagnosis(d, input.name, term()));
    return EXIT[d.conclusion];
  });
}
